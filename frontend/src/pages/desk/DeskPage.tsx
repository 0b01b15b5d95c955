import { FileAddOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { fetchAll, keys, type Appointment, type Visit } from '../../api/queries';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { addDays, dayIn, formatDateTimeIn, formatTimeIn, startOfDay } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { CancelAppointmentModal } from '../appointments/AppointmentModals';
import { useAppointmentActions } from '../appointments/useAppointmentActions';
import { useStaffDirectory } from '../customers/useStaffDirectory';
import { PackSessions } from '../packs/PackSessions';
import { CheckInModal, type CheckedIn, type CheckInDraft } from '../visits/CheckInModal';
import { ConsultationModal, type ConsultationTarget } from '../visits/ConsultationModal';
import { ClinicSelect } from '../visits/pickers';
import { AppointmentStatusTag } from '../visits/StatusTags';
import { useWorkClinic } from '../visits/useClinics';
import { CheckOutAction } from '../visits/CheckOutAction';
import { hasStarted, isOpen } from '../visits/visitFields';

/** Several desks work the same clinic: what they see is read again this often. */
const REFRESH_MS = 30_000;

interface LastCheckIn {
  name: string;
  customerId: string;
  visitId: string;
  walkIn: boolean;
  registered: boolean;
}

/**
 * The front desk's day at one clinic: today's appointments with one-click arrival (and no-show once they are
 * late, and cancel with a reason), who is in the clinic now with check-out and her pack sessions to redeem, and
 * walk-in check-in. Actions that cannot be undone ask first.
 */
export function DeskPage() {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const work = useWorkClinic();
  const directory = useStaffDirectory();
  const actions = useAppointmentActions();
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [checkingIn, setCheckingIn] = useState<CheckInDraft | null>(null);
  const [consulting, setConsulting] = useState<ConsultationTarget | null>(null);
  const [last, setLast] = useState<LastCheckIn | null>(null);
  const zone = work.zone;
  const clinicId = work.clinic?.id;
  const today = dayIn(zone);

  const appointments = useQuery({
    queryKey: [...keys.appointments, 'desk', clinicId, today],
    enabled: !!clinicId,
    refetchInterval: REFRESH_MS,
    queryFn: () =>
      fetchAll((cursor, limit) =>
        dataOf(
          api.GET('/api/v1/appointments', {
            params: { query: { clinicId, from: startOfDay(today, zone), to: startOfDay(addDays(today, 1), zone), cursor, limit } },
          }),
        ),
      ),
  });
  const here = useQuery({
    queryKey: [...keys.visits, 'open', clinicId],
    enabled: !!clinicId,
    refetchInterval: REFRESH_MS,
    queryFn: () => fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/visits', { params: { query: { clinicId, open: true, cursor, limit } } }))),
  });

  const booked = appointments.data?.items ?? [];
  const count = (pred: (a: Appointment) => boolean) => booked.filter(pred).length;
  const names = (ids: string[]) => ids.map((id) => directory.nameOf(id)).join(t('common.listSeparator')) || t('common.none');

  const appointmentColumns: ColumnsType<Appointment> = [
    {
      title: t('appointments.col.time'),
      key: 'time',
      width: 110,
      render: (_, a) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatTimeIn(a.startsAt, zone)}–{formatTimeIn(a.endsAt, zone)}
        </span>
      ),
    },
    {
      title: t('appointments.col.customer'),
      key: 'customer',
      render: (_, a) => (
        <Link to={`/customers/${a.customerId}`} data-testid={`desk-customer-${a.id}`}>
          <strong>{a.customerName}</strong>
        </Link>
      ),
    },
    { title: t('appointments.form.item'), key: 'item', render: (_, a) => a.itemName ?? t('common.none') },
    {
      title: t('appointments.form.staff'),
      key: 'staff',
      render: (_, a) => (a.staffId ? (a.staffName ?? directory.nameOf(a.staffId)) : t('appointments.unassigned')),
    },
    { title: t('common.status'), key: 'status', width: 100, render: (_, a) => <AppointmentStatusTag status={a.status} testId={`desk-status-${a.id}`} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, a) =>
        a.status === 'ARRIVED' && a.visitId ? (
          <Link to={`/visits/${a.visitId}`} data-testid={`desk-visit-${a.id}`}>
            {t('appointments.openVisit')}
          </Link>
        ) : (
          permissions.canBookAndCheckIn &&
          isOpen(a) && (
            <Space size={4} wrap>
              <ConfirmAction
                primary
                testId={`arrive-${a.id}`}
                title={t('appointments.arriveConfirm', { name: a.customerName })}
                description={t('appointments.arriveHint')}
                onConfirm={() => actions.arrive(a)}
              >
                {t('appointments.arrive')}
              </ConfirmAction>
              {a.status === 'BOOKED' && (
                <Button type="link" size="small" onClick={() => void actions.confirm(a)} data-testid={`confirm-${a.id}`}>
                  {t('appointments.confirm')}
                </Button>
              )}
              {hasStarted(a) && (
                <ConfirmAction
                  danger
                  testId={`no-show-${a.id}`}
                  title={t('appointments.noShowConfirm', { name: a.customerName })}
                  description={t('appointments.noShowHint')}
                  onConfirm={() => actions.noShow(a)}
                >
                  {t('appointments.noShow')}
                </ConfirmAction>
              )}
              <Button type="link" size="small" danger onClick={() => setCancelling(a)} data-testid={`cancel-${a.id}`}>
                {t('appointments.cancel')}
              </Button>
            </Space>
          )
        ),
    },
  ];

  const visitColumns: ColumnsType<Visit> = [
    {
      title: t('visits.checkedInAt'),
      key: 'in',
      width: 150,
      // An open visit from an earlier day (nobody checked her out) shows its date.
      render: (_, v) => (dayIn(zone, v.checkedInAt) === today ? formatTimeIn(v.checkedInAt, zone) : formatDateTimeIn(v.checkedInAt, zone)),
    },
    {
      title: t('appointments.col.customer'),
      key: 'customer',
      render: (_, v) => (
        <Space size={4}>
          <Link to={`/customers/${v.customerId}`} data-testid={`here-customer-${v.id}`}>
            <strong>{v.customerName}</strong>
          </Link>
          {v.walkIn && <Tag>{t('visits.walkIn')}</Tag>}
        </Space>
      ),
    },
    { title: t('visits.purpose'), key: 'purpose', render: (_, v) => t(`visitPurpose.${v.purpose}`) },
    { title: t('visits.staff'), key: 'staff', render: (_, v) => names(v.staffIds) },
    { title: t('packs.packLine'), key: 'packs', render: (_, v) => <PackSessions visit={v} compact /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      render: (_, v) => (
        <Space size={4} wrap>
          <Link to={`/visits/${v.id}`} data-testid={`here-open-${v.id}`}>
            {t('visits.open')}
          </Link>
          {permissions.canRecordConsultations && (
            <Button
              type="link"
              size="small"
              icon={<FileAddOutlined />}
              onClick={() => setConsulting({ visitId: v.id, clinicId: v.clinicId, customerName: v.customerName })}
              data-testid={`record-consultation-${v.id}`}
            >
              {t('consultations.record')}
            </Button>
          )}
          {permissions.canUpdateVisits && (
            <CheckOutAction visit={v} testId={`check-out-${v.id}`} />
          )}
        </Space>
      ),
    },
  ];

  const onCheckedIn = ({ visit, customerRegistered }: CheckedIn, walkIn: boolean) =>
    setLast({ name: visit.customerName, customerId: visit.customerId, visitId: visit.id, walkIn, registered: customerRegistered });

  return (
    <div data-testid="desk-page">
      <PageHeader
        title={t('desk.title')}
        extra={
          <Flex gap={12} align="center" wrap>
            <ClinicSelect testId="desk-clinic" value={clinicId} onChange={work.choose} style={{ width: 180 }} />
            {permissions.canBookAndCheckIn && (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                disabled={!clinicId}
                onClick={() => setCheckingIn({ clinicId })}
                data-testid="walk-in-button"
              >
                {t('desk.walkIn')}
              </Button>
            )}
          </Flex>
        }
      />
      {last && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLast(null) }}
          style={{ marginBottom: 16 }}
          data-testid="desk-last-check-in"
          title={
            <span>
              {t('desk.checkedIn', { name: last.name })}{' '}
              {last.walkIn && (last.registered ? t('desk.registeredNew') : t('desk.matchedExisting'))}{' '}
              <Link to={`/customers/${last.customerId}`}>{t('desk.openCustomer')}</Link>
              {' · '}
              <Link to={`/visits/${last.visitId}`}>{t('visits.open')}</Link>
            </span>
          }
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { key: 'expected', label: t('desk.stat.expected'), value: count(isOpen) },
          { key: 'arrived', label: t('desk.stat.arrived'), value: count((a) => a.status === 'ARRIVED') },
          { key: 'noShow', label: t('desk.stat.noShow'), value: count((a) => a.status === 'NO_SHOW') },
          { key: 'here', label: t('desk.stat.here'), value: here.data?.items.length ?? 0 },
        ].map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={s.label} value={s.value} loading={appointments.isPending || here.isPending} data-testid={`desk-stat-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={
          <Space>
            {t('desk.today')}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {today}
            </Typography.Text>
          </Space>
        }
        extra={
          <Link to={`/calendar${clinicId ? `?clinic=${clinicId}` : ''}`} data-testid="desk-calendar-link">
            {t('desk.toCalendar')}
          </Link>
        }
        style={{ marginBottom: 16 }}
      >
        {appointments.isError ? (
          <ErrorAlert error={appointments.error} onRetry={() => appointments.refetch()} testId="desk-appointments-error" />
        ) : (
          <div data-testid="desk-appointments">
            <Table<Appointment>
              rowKey="id"
              size="middle"
              columns={appointmentColumns}
              dataSource={booked}
              loading={appointments.isPending && !!clinicId}
              pagination={false}
              scroll={{ x: 860 }}
              // Cancelled and no-show bookings stay listed (the day's record), quieter.
              onRow={(a) => ({ style: isOpen(a) || a.status === 'ARRIVED' ? undefined : { opacity: 0.55 } })}
              locale={{ emptyText: t('desk.noAppointments') }}
            />
          </div>
        )}
      </Card>
      <Card title={t('desk.here')}>
        {here.isError ? (
          <ErrorAlert error={here.error} onRetry={() => here.refetch()} testId="desk-here-error" />
        ) : (
          <div data-testid="desk-here">
            <Table<Visit>
              rowKey="id"
              size="middle"
              columns={visitColumns}
              dataSource={here.data?.items ?? []}
              loading={here.isPending && !!clinicId}
              pagination={false}
              scroll={{ x: 1040 }}
              locale={{ emptyText: t('desk.nobodyHere') }}
            />
          </div>
        )}
      </Card>
      <CancelAppointmentModal appointment={cancelling} onClose={() => setCancelling(null)} />
      <CheckInModal draft={checkingIn} onClose={() => setCheckingIn(null)} onCheckedIn={onCheckedIn} />
      <ConsultationModal target={consulting} onClose={() => setConsulting(null)} />
    </div>
  );
}
