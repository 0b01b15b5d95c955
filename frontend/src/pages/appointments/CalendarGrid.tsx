import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Appointment } from '../../api/queries';
import { formatTimeIn, minutesInto, startOfDay } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import './calendar.css';

/** One column of the grid: a staff member on a day (day view), or a day (week view). */
export interface CalendarColumn {
  key: string;
  header: ReactNode;
  day: string;
  /** Who a slot of this column books: a staff member, nobody (null), or whoever the filter names (undefined). */
  staffId: string | null | undefined;
  appointments: Appointment[];
}

const SLOT_MINUTES = 30;
// Tall enough for two lines (time and customer, then status and item) in a half-hour booking.
const SLOT_HEIGHT = 40;
const PX_PER_MINUTE = SLOT_HEIGHT / SLOT_MINUTES;
const DAY_MINUTES = 24 * 60;
const SLOTS = Array.from({ length: DAY_MINUTES / SLOT_MINUTES }, (_, i) => i * SLOT_MINUTES);
/** Where an ordinary day scrolls to: the clinics open in the morning. */
const MORNING = 8 * 60;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface Placed {
  appointment: Appointment;
  top: number;
  bottom: number;
  lane: number;
  lanes: number;
}

/** Side by side where appointments overlap (a cancelled one and the booking that took its place). */
function layOut(appointments: Appointment[], day: string, zone: string): Placed[] {
  const items = appointments
    .map((appointment) => ({
      appointment,
      top: Math.max(0, minutesInto(day, appointment.startsAt, zone)),
      bottom: Math.min(DAY_MINUTES, minutesInto(day, appointment.endsAt, zone)),
      lane: 0,
      lanes: 1,
    }))
    .filter((p) => p.bottom > 0 && p.top < DAY_MINUTES)
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
  };
  for (const p of items) {
    if (p.top >= clusterEnd) {
      close();
      cluster = [];
    }
    const laneEnds = cluster.reduce<number[]>((ends, q) => {
      ends[q.lane] = Math.max(ends[q.lane] ?? -1, q.bottom);
      return ends;
    }, []);
    const free = laneEnds.findIndex((end) => end <= p.top);
    p.lane = free === -1 ? laneEnds.length : free;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.bottom);
  }
  close();
  return items;
}

/**
 * A day (or week) of bookings on the clinic's clock, half-hour slots down the side and a column per staff
 * member (or day). A free slot books; an appointment opens its details. Past slots take no bookings.
 */
export function CalendarGrid({
  columns,
  zone,
  today,
  canBook,
  showStaff,
  onSlot,
  onOpen,
}: {
  columns: CalendarColumn[];
  zone: string;
  today: string;
  canBook: boolean;
  /** Name the staff member on each appointment (the week view, where columns are days). */
  showStaff: boolean;
  onSlot: (column: CalendarColumn, minutes: number) => void;
  onOpen: (appointment: Appointment) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const nowMs = Date.now();
  const nowMinutes = minutesInto(today, new Date(nowMs).toISOString(), zone);
  const showsToday = columns.some((c) => c.day === today);
  const scrollKey = columns.map((c) => c.day).join();

  // Open on the morning, or on the last hour when today is shown; not again while the user scrolls around.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = Math.max(0, (showsToday ? nowMinutes - 60 : MORNING) * PX_PER_MINUTE);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollKey]);

  return (
    <div className="mk-calendar" data-testid="calendar-grid">
      <div className="mk-calendar-head" style={{ gridTemplateColumns: `64px repeat(${columns.length}, minmax(140px, 1fr))` }}>
        <div />
        {columns.map((c) => (
          <div key={c.key} className="mk-calendar-colhead" data-testid={`calendar-column-${c.key}`}>
            {c.header}
          </div>
        ))}
      </div>
      <div className="mk-calendar-body" ref={scroller}>
        <div className="mk-calendar-rows" style={{ gridTemplateColumns: `64px repeat(${columns.length}, minmax(140px, 1fr))` }}>
          <div className="mk-calendar-gutter" style={{ height: DAY_MINUTES * PX_PER_MINUTE }}>
            {SLOTS.filter((m) => m % 60 === 0).map((m) => (
              <div key={m} className="mk-calendar-hour" style={{ top: m * PX_PER_MINUTE }}>
                {hhmm(m)}
              </div>
            ))}
          </div>
          {columns.map((column) => {
            // Minutes from the day's start (clinic zones in use keep no daylight saving, so a day is 24 hours).
            const dayStart = Date.parse(startOfDay(column.day, zone));
            return (
            <div key={column.key} className="mk-calendar-col" style={{ height: DAY_MINUTES * PX_PER_MINUTE }}>
              {SLOTS.map((m) => {
                const past = dayStart + (m + SLOT_MINUTES) * 60_000 <= nowMs;
                const bookable = canBook && !past;
                return (
                  <div
                    key={m}
                    className={`mk-calendar-slot${bookable ? ' mk-bookable' : ''}${past ? ' mk-past' : ''}`}
                    style={{ top: m * PX_PER_MINUTE, height: SLOT_HEIGHT }}
                    data-testid={`slot-${column.key}-${hhmm(m).replace(':', '')}`}
                    title={bookable ? t('calendar.bookAt', { time: hhmm(m) }) : undefined}
                    onClick={bookable ? () => onSlot(column, m) : undefined}
                  />
                );
              })}
              {column.day === today && nowMinutes >= 0 && nowMinutes < DAY_MINUTES && (
                <div className="mk-calendar-now" style={{ top: nowMinutes * PX_PER_MINUTE }} />
              )}
              {layOut(column.appointments, column.day, zone).map(({ appointment: a, top, bottom, lane, lanes }) => (
                <button
                  type="button"
                  key={a.id}
                  className={`mk-calendar-event mk-status-${a.status}`}
                  style={{
                    top: top * PX_PER_MINUTE + 1,
                    height: Math.max(18, (bottom - top) * PX_PER_MINUTE - 2),
                    left: `calc(${(lane / lanes) * 100}% + 2px)`,
                    width: `calc(${100 / lanes}% - 4px)`,
                  }}
                  onClick={() => onOpen(a)}
                  data-testid={`appointment-${a.id}`}
                >
                  <Typography.Text strong ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {formatTimeIn(a.startsAt, zone)} {a.customerName}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {[
                      t(`appointmentStatus.${a.status}`),
                      a.itemName,
                      showStaff ? (a.staffName ?? (a.staffId ? null : t('appointments.unassigned'))) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </button>
              ))}
            </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
