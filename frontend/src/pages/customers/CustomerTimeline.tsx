import { AlertOutlined, CalendarOutlined, CheckSquareOutlined, FileTextOutlined, LikeOutlined, LoginOutlined, PhoneOutlined, ShoppingOutlined } from '@ant-design/icons';
import { Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type OrderStatus, type TimelineEntry } from '../../api/queries';
import { CursorFeed } from '../../components/CursorFeed';
import { dayIn, formatDateTimeIn } from '../../components/zonedTime';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { hasMessage } from '../../i18n/messages';
import { ORDER_STATUS_COLORS } from '../orders/orderFields';
import { useMyClinics } from '../visits/useClinics';
import { APPOINTMENT_COLORS, OUTCOME_COLORS, type AppointmentStatus, type ConsultationOutcome } from '../visits/visitFields';
import { useStaffDirectory } from './useStaffDirectory';

const KINDS: Record<TimelineEntry['kind'], { icon: ReactNode; color: string }> = {
  APPOINTMENT: { icon: <CalendarOutlined />, color: 'blue' },
  VISIT: { icon: <LoginOutlined />, color: 'green' },
  CONSULTATION: { icon: <FileTextOutlined />, color: '#c2416b' },
  ORDER: { icon: <ShoppingOutlined />, color: 'gold' },
  REDEMPTION: { icon: <CheckSquareOutlined />, color: 'purple' },
  TOUCHPOINT: { icon: <PhoneOutlined />, color: 'cyan' },
  SURVEY: { icon: <LikeOutlined />, color: 'lime' },
  COMPLAINT: { icon: <AlertOutlined />, color: 'red' },
};

/** The entry's status in words and colour; a status this UI does not know yet is shown as sent. */
function statusOf(e: TimelineEntry, t: Translate): { text: string; color: string } {
  if (e.kind === 'ORDER') {
    const key = `orderStatus.${e.status}`;
    return { text: hasMessage(key) ? t(key) : e.status, color: ORDER_STATUS_COLORS[e.status as OrderStatus] ?? 'default' };
  }
  if (e.kind === 'TOUCHPOINT') {
    const key = `touchpointChannel.${e.status}`;
    return { text: hasMessage(key) ? t(key) : e.status, color: 'cyan' };
  }
  if (e.kind === 'SURVEY' || e.kind === 'COMPLAINT') {
    const key = e.kind === 'SURVEY' ? `survey.channel.${e.status}` : `complaintStatus.${e.status}`;
    return { text: hasMessage(key) ? t(key) : e.status, color: e.kind === 'COMPLAINT' && e.status !== 'RESOLVED' && e.status !== 'CLOSED' ? 'red' : 'default' };
  }
  if (e.kind === 'REDEMPTION') {
    const key = `redemptionStatus.${e.status}`;
    return { text: hasMessage(key) ? t(key) : e.status, color: e.status === 'REDEEMED' ? 'purple' : 'default' };
  }
  const key = e.kind === 'APPOINTMENT' ? `appointmentStatus.${e.status}` : e.kind === 'VISIT' ? `visitStatus.${e.status}` : `outcome.${e.status}`;
  const color =
    e.kind === 'APPOINTMENT'
      ? APPOINTMENT_COLORS[e.status as AppointmentStatus]
      : e.kind === 'VISIT'
        ? e.status === 'CHECKED_IN'
          ? 'green'
          : 'default'
        : OUTCOME_COLORS[e.status as ConsultationOutcome];
  return { text: hasMessage(key) ? t(key) : e.status, color: color ?? 'default' };
}

/** What the entry was about: the booked item, the visit's purpose, the consultation's concerns. */
function labelOf(e: TimelineEntry, t: Translate): string {
  if (e.kind === 'VISIT') {
    const key = `visitPurpose.${e.label}`;
    return hasMessage(key) ? t(key) : (e.label ?? '');
  }
  if (e.kind === 'APPOINTMENT') return e.label ?? t('appointments.form.itemNone');
  if (e.kind === 'ORDER' || e.kind === 'REDEMPTION' || e.kind === 'SURVEY') return e.label ?? '';
  if (e.kind === 'COMPLAINT') {
    // "SEVERITY CATEGORY", each in words.
    const [severity, category] = (e.label ?? '').split(' ');
    return [`complaintSeverity.${severity}`, `complaintCategory.${category}`].map((k) => (hasMessage(k) ? t(k) : k)).join(' · ');
  }
  if (e.kind === 'TOUCHPOINT') {
    const key = `followUpOutcome.${e.label}`;
    return e.label && hasMessage(key) ? t(key) : (e.label ?? '');
  }
  return e.label || t('consultations.noNeeds');
}

/**
 * Where an entry is kept: an appointment on its day of the calendar, a visit on its page, a consultation (and a
 * pack session) on its visit's page, the consultation picked out, an order on its page.
 */
function linkOf(e: TimelineEntry, zone: string): string {
  if (e.kind === 'APPOINTMENT') return `/calendar?clinic=${e.clinicId}&date=${dayIn(zone, e.at)}&appointment=${e.id}`;
  if (e.kind === 'VISIT') return `/visits/${e.id}`;
  if (e.kind === 'ORDER') return `/orders/${e.id}`;
  if (e.kind === 'REDEMPTION' || e.kind === 'SURVEY' || e.kind === 'COMPLAINT') return `/visits/${e.visitId}`;
  return `/visits/${e.visitId}?consultation=${e.id}`;
}

/** Her appointments, visits, consultations, paid orders, pack sessions, contacts, surveys and complaints, newest first, at the clinics the caller works in. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const clinics = useMyClinics();
  const directory = useStaffDirectory();
  const list = useCursorList<TimelineEntry>([...keys.timeline, customerId], (cursor) =>
    dataOf(api.GET('/api/v1/customers/{customerId}/timeline', { params: { path: { customerId }, query: { cursor, limit: PAGE_SIZE } } })),
  );

  return (
    <CursorFeed testId="customer-timeline" list={list} emptyText={t('timeline.empty')}>
      {(items) => (
        <Timeline
          items={items.map((e) => {
            const status = statusOf(e, t);
            const zone = clinics.zoneOf(e.clinicId);
            const link = e.kind === 'TOUCHPOINT' || ((e.kind === 'CONSULTATION' || e.kind === 'REDEMPTION' || e.kind === 'COMPLAINT') && !e.visitId) ? null : linkOf(e, zone);
            return {
              key: `${e.kind}-${e.id}`,
              icon: KINDS[e.kind].icon,
              color: KINDS[e.kind].color,
              content: (
                <Flex vertical gap={2} data-testid={`timeline-entry-${e.id}`} data-kind={e.kind}>
                  <Space wrap size={8}>
                    <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatDateTimeIn(e.at, zone)}
                    </Typography.Text>
                    <Tag data-testid="timeline-kind">{t(`timeline.kind.${e.kind}`)}</Tag>
                    <Tag color={status.color} data-testid="timeline-status">
                      {status.text}
                    </Tag>
                  </Space>
                  <Space wrap size={8}>
                    {link ? (
                      <Link to={link} data-testid="timeline-link">
                        {labelOf(e, t)}
                      </Link>
                    ) : (
                      <span>{labelOf(e, t)}</span>
                    )}
                    <Typography.Text type="secondary">
                      {[clinics.nameOf(e.clinicId), e.staffId ? directory.nameOf(e.staffId) : null].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Space>
                </Flex>
              ),
            };
          })}
        />
      )}
    </CursorFeed>
  );
}
