import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Flex, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { fetchAll, keys, type Appointment } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { addDays, atMinutes, dayIn, instantToWall, startOfDay, weekdayOf, weekStart } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useMe } from '../../me/MeContext';
import { ClinicSelect, useColleaguesAt } from '../visits/pickers';
import { useWorkClinic } from '../visits/useClinics';
import { AppointmentDrawer } from './AppointmentDrawer';
import { BookAppointmentModal, type BookingDraft } from './AppointmentModals';
import { CalendarGrid, type CalendarColumn } from './CalendarGrid';

type View = 'day' | 'week';

const UNASSIGNED = 'unassigned';

function validDay(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : undefined;
}

/**
 * The booking book of a clinic: a day with a column per staff member (and one for bookings nobody is named
 * on yet), or a week. Clinic, day, view, staff filter and the open appointment live in the URL, so the
 * customer timeline can link straight to an appointment and "back" returns to the same day.
 */
export function CalendarPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const work = useWorkClinic();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const zone = work.zone;
  const clinicId = work.clinic?.id;
  const today = dayIn(zone);
  const day = validDay(params.get('date')) ?? today;
  const view: View = params.get('view') === 'week' ? 'week' : 'day';
  const staffFilter = params.get('staff') ?? undefined;
  const openId = params.get('appointment');
  const colleagues = useColleaguesAt(clinicId);

  const set = (change: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const days = view === 'day' ? [day] : Array.from({ length: 7 }, (_, i) => addDays(weekStart(day, locale === 'zh-CN'), i));
  const from = startOfDay(days[0], zone);
  const to = startOfDay(addDays(days[days.length - 1], 1), zone);
  const books = useQuery({
    queryKey: [...keys.appointments, 'calendar', clinicId, from, to, staffFilter],
    enabled: !!clinicId,
    placeholderData: keepPreviousData,
    queryFn: () =>
      fetchAll((cursor, limit) =>
        dataOf(api.GET('/api/v1/appointments', { params: { query: { clinicId, from, to, staffId: staffFilter, cursor, limit } } })),
      ),
  });
  const shown = (books.data?.items ?? []).filter((a) => showCancelled || a.status !== 'CANCELLED');
  const onDay = (d: string, list: Appointment[]) => list.filter((a) => dayIn(zone, a.startsAt) === d);

  const columns: CalendarColumn[] =
    view === 'week'
      ? days.map((d) => ({
          key: d,
          day: d,
          staffId: staffFilter,
          appointments: onDay(d, shown),
          header: (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => set({ view: 'day', date: d })} data-testid={`calendar-day-${d}`}>
              <span style={{ fontWeight: d === today ? 600 : undefined }}>
                {t(`calendar.weekday.${weekdayOf(d)}` as MessageKey)} {d.slice(5)}
              </span>
            </Button>
          ),
        }))
      : staffColumns();

  function staffColumns(): CalendarColumn[] {
    const todays = onDay(day, shown);
    const header = (name: string, roles?: string[]) => (
      <Flex vertical>
        <Typography.Text strong ellipsis>
          {name}
        </Typography.Text>
        {roles && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {roles.map((r) => t(`role.${r}` as MessageKey)).join(t('common.listSeparator'))}
          </Typography.Text>
        )}
      </Flex>
    );
    const column = (staffId: string | null, name: string, roles?: string[]): CalendarColumn => ({
      key: staffId ?? UNASSIGNED,
      day,
      staffId,
      header: header(name, roles),
      appointments: todays.filter((a) => (a.staffId ?? null) === staffId),
    });
    if (staffFilter) {
      const who = colleagues.colleagues.find((c) => c.id === staffFilter);
      return [column(staffFilter, who?.displayName ?? colleagues.nameOf(staffFilter) ?? '', who?.roles)];
    }
    // Those who serve customers here, and anyone else who has a booking that day (say, a manager).
    const serving = colleagues.serving.map((c) => column(c.id, c.displayName, c.roles));
    const others = [...new Map(todays.filter((a) => a.staffId && !serving.some((c) => c.staffId === a.staffId)).map((a) => [a.staffId!, a])).values()].map(
      (a) => column(a.staffId!, a.staffName ?? colleagues.nameOf(a.staffId) ?? ''),
    );
    return [column(null, t('appointments.unassigned')), ...serving, ...others];
  }

  const step = view === 'day' ? 1 : 7;
  const title =
    view === 'day'
      ? `${day} ${t(`calendar.weekday.${weekdayOf(day)}` as MessageKey)}`
      : t('calendar.weekOf', { from: days[0], to: days[6] });

  return (
    <div data-testid="calendar-page">
      <PageHeader
        title={t('calendar.title')}
        extra={
          permissions.canBookAndCheckIn && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!clinicId}
              onClick={() => setDraft({ clinicId, staffId: staffFilter })}
              data-testid="calendar-book-button"
            >
              {t('appointments.book')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <ClinicSelect
          testId="calendar-clinic"
          value={clinicId}
          onChange={(id) => {
            work.choose(id);
            set({ staff: undefined, appointment: undefined });
          }}
          style={{ width: 180 }}
        />
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.previous')} onClick={() => set({ date: addDays(day, -step) })} data-testid="calendar-prev" />
          <Button onClick={() => set({ date: today })} data-testid="calendar-today">
            {t('calendar.today')}
          </Button>
          <Button icon={<RightOutlined />} aria-label={t('calendar.next')} onClick={() => set({ date: addDays(day, step) })} data-testid="calendar-next" />
        </Space.Compact>
        <DatePicker
          allowClear={false}
          value={dayjs(day)}
          onChange={(d) => d && set({ date: d.format('YYYY-MM-DD') })}
          data-testid="calendar-date"
        />
        <Segmented<View>
          value={view}
          onChange={(v) => set({ view: v === 'day' ? undefined : v })}
          options={[
            { value: 'day', label: t('calendar.day') },
            { value: 'week', label: t('calendar.week') },
          ]}
          data-testid="calendar-view"
        />
        <Select<string>
          allowClear
          placeholder={t('calendar.allStaff')}
          value={staffFilter}
          onChange={(id) => set({ staff: id ?? undefined })}
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={colleagues.options}
          data-testid="calendar-staff"
        />
        <Space>
          <Switch size="small" checked={showCancelled} onChange={setShowCancelled} data-testid="calendar-show-cancelled" />
          <Typography.Text>{t('calendar.showCancelled')}</Typography.Text>
        </Space>
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="calendar-title">
          {title}
          {day === today && view === 'day' && (
            <Tag color="magenta" style={{ marginInlineStart: 8 }}>
              {t('calendar.today')}
            </Tag>
          )}
        </Typography.Title>
        <Typography.Text type="secondary">{t('appointments.form.clinicClock', { zone })}</Typography.Text>
      </Flex>
      {books.isError ? (
        <ErrorAlert error={books.error} onRetry={() => books.refetch()} testId="calendar-error" />
      ) : !clinicId && !work.clinics.query.isPending ? (
        <Empty description={t('calendar.noClinic')} data-testid="calendar-no-clinic" />
      ) : (
        <CalendarGrid
          columns={columns}
          zone={zone}
          today={today}
          canBook={permissions.canBookAndCheckIn}
          showStaff={view === 'week'}
          onSlot={(column, minutes) =>
            setDraft({
              clinicId,
              staffId: column.staffId,
              start: instantToWall(atMinutes(column.day, minutes, zone), zone),
            })
          }
          onOpen={(a) => set({ appointment: a.id })}
        />
      )}
      <BookAppointmentModal
        draft={draft}
        onClose={() => setDraft(null)}
        onBooked={(a) => set({ date: dayIn(zone, a.startsAt), appointment: a.id })}
      />
      <AppointmentDrawer appointmentId={openId} onClose={() => set({ appointment: undefined })} />
    </div>
  );
}
