import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { components } from '../../api/schema';

dayjs.extend(utc);
dayjs.extend(timezone);

export type AnalysisDimension = components['schemas']['AnalysisDimension'];
export const DIMENSIONS: AnalysisDimension[] = ['CONSULTANT', 'CLINIC', 'SOURCE', 'MONTH'];

/** Whole days, both ends included, as the picker shows them (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** The longest period the server analyses at once. */
export const MAX_DAYS = 366;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Today's date in the chain's time zone (a month is the chain's month, wherever the browser is), as a
 * plain date for calendar arithmetic only.
 */
function today(timeZone: string) {
  return dayjs(dayjs().tz(timeZone).format('YYYY-MM-DD'));
}

function thisMonth(timeZone: string): Period {
  const now = today(timeZone);
  return { from: now.startOf('month').format('YYYY-MM-DD'), to: now.endOf('month').format('YYYY-MM-DD') };
}

/** The periods offered with one click. */
export function presets(timeZone: string): { key: 'thisMonth' | 'lastMonth' | 'lastThreeMonths' | 'thisYear'; period: Period }[] {
  const now = today(timeZone);
  const lastMonth = now.subtract(1, 'month');
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  return [
    { key: 'thisMonth', period: thisMonth(timeZone) },
    { key: 'lastMonth', period: { from: day(lastMonth.startOf('month')), to: day(lastMonth.endOf('month')) } },
    { key: 'lastThreeMonths', period: { from: day(now.subtract(2, 'month').startOf('month')), to: day(now.endOf('month')) } },
    { key: 'thisYear', period: { from: day(now.startOf('year')), to: day(now.endOf('year')) } },
  ];
}

/** Days in the period, both ends included. */
function periodDays({ from, to }: Period): number {
  return dayjs(to).diff(dayjs(from), 'day') + 1;
}

/** The period as the API takes it: [first day's start, the day after the last) in the chain's time zone. */
export function periodBounds({ from, to }: Period, timeZone: string): { from: string; to: string } {
  return { from: dayjs.tz(from, timeZone).format(), to: dayjs.tz(to, timeZone).add(1, 'day').format() };
}

export interface AnalysisParams {
  period: Period;
  groupBy: AnalysisDimension;
  clinicId?: string;
}

/** The page's state from its URL (bookmarks, shared links); anything malformed falls back to the default. */
export function readAnalysisParams(params: URLSearchParams, timeZone: string): AnalysisParams {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const days = DATE.test(from) && DATE.test(to) ? periodDays({ from, to }) : NaN;
  const valid = days >= 1 && days <= MAX_DAYS;
  const groupBy = DIMENSIONS.find((d) => d === params.get('groupBy')) ?? 'CONSULTANT';
  const clinicId = params.get('clinicId') ?? '';
  return {
    period: valid ? { from, to } : thisMonth(timeZone),
    groupBy,
    clinicId: UUID.test(clinicId) ? clinicId : undefined,
  };
}

export function analysisParams({ period, groupBy, clinicId }: AnalysisParams): URLSearchParams {
  const params = new URLSearchParams({ from: period.from, to: period.to, groupBy });
  if (clinicId) params.set('clinicId', clinicId);
  return params;
}
