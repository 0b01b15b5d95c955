import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Times at a clinic, in the clinic's time zone: "today", a calendar day and a 14:30 slot are the clinic's,
 * whatever zone the browser is in. Days are plain `YYYY-MM-DD` strings; form pickers hold wall-clock values
 * (a date and a time as read on the clinic's clock) that are turned into instants only here.
 */

/** The browser's zone: the fallback when neither clinic nor chain names one. */
export const BROWSER_ZONE = dayjs.tz.guess();

/** The clinic's calendar day of an instant (or of now). */
export function dayIn(zone: string, at?: string | Dayjs): string {
  return dayjs(at).tz(zone).format('YYYY-MM-DD');
}

/** `YYYY-MM-DD` plus n days (plain calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

/** The day of the week, 0 = Sunday. */
export function weekdayOf(day: string): number {
  return dayjs.utc(day).day();
}

/** The first day of the week holding `day`: Monday for zh-CN, Sunday for en-US. */
export function weekStart(day: string, mondayFirst: boolean): string {
  const back = (weekdayOf(day) + 7 - (mondayFirst ? 1 : 0)) % 7;
  return addDays(day, -back);
}

/** The instant a clinic day starts (ISO with offset), for `from`/`to` filters. */
export function startOfDay(day: string, zone: string): string {
  return dayjs.tz(day, zone).format();
}

/** The instant of a wall-clock time on a clinic day, `minutes` after midnight. */
export function atMinutes(day: string, minutes: number, zone: string): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return dayjs.tz(`${day} ${hh}:${mm}`, 'YYYY-MM-DD HH:mm', zone).format();
}

/** Minutes after the clinic day's midnight of an instant (may be < 0 or >= 1440 when on another day). */
export function minutesInto(day: string, at: string, zone: string): number {
  return dayjs(at).diff(dayjs.tz(day, zone), 'minute');
}

/** 14:30, on the clinic's clock. */
export function formatTimeIn(at: string, zone: string): string {
  return dayjs(at).tz(zone).format('HH:mm');
}

/** 2026-03-10 14:30, on the clinic's clock. */
export function formatDateTimeIn(at: string | null | undefined, zone: string): string {
  if (!at) return '—';
  return dayjs(at).tz(zone).format('YYYY-MM-DD HH:mm');
}

/** A picker's wall-clock value (as the user read it on the clinic's clock) to an instant. */
export function wallToInstant(wall: Dayjs, zone: string): string {
  return dayjs.tz(wall.format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm', zone).format();
}

/** An instant to the wall-clock value a picker shows for the clinic's clock. */
export function instantToWall(at: string, zone: string): Dayjs {
  return dayjs(dayjs(at).tz(zone).format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm');
}

/** Now as a wall-clock value on the clinic's clock, rounded up to the next `step` minutes. */
export function nextWallSlot(zone: string, step = 5): Dayjs {
  const now = instantToWall(dayjs().format(), zone);
  const over = now.minute() % step;
  return now.add(over === 0 ? step : step - over, 'minute').second(0).millisecond(0);
}
