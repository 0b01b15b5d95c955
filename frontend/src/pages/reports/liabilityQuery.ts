import { useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { addDays, dayIn, startOfDay } from '../../components/zonedTime';

export type LiabilityAgingBucket = components['schemas']['LiabilityAgingBucket'];

/** The report's ages, youngest first, as every section lists them. */
export const LIABILITY_BUCKETS: LiabilityAgingBucket[] = ['DAYS_0_90', 'DAYS_91_180', 'DAYS_181_365', 'OVER_365'];

/** What every section of the report is asked for: one selling clinic or all, as of the end of a day. */
export interface LiabilityQuery {
  clinicId?: string;
  /** The chain's day the figures are as of (`YYYY-MM-DD`). */
  day: string;
  /** The instant sent as `asOf`: the end of that day, or nothing (now) for today. */
  asOf?: string;
}

/** The report's clinic and day, kept in the URL (`?clinic=&asOf=`); today on the chain's clock when none. */
export function useLiabilityQuery(zone: string) {
  const [params, setParams] = useSearchParams();
  const today = dayIn(zone);
  const wanted = params.get('asOf');
  const day = wanted && /^\d{4}-\d{2}-\d{2}$/.test(wanted) && wanted < today ? wanted : today;
  const query: LiabilityQuery = {
    clinicId: params.get('clinic') ?? undefined,
    day,
    asOf: day === today ? undefined : startOfDay(addDays(day, 1), zone),
  };
  const show = (change: { clinicId?: string; day?: string }) => {
    const next = { clinicId: query.clinicId, day, ...change };
    setParams(
      {
        ...(next.clinicId ? { clinic: next.clinicId } : {}),
        ...(next.day !== today ? { asOf: next.day } : {}),
      },
      { replace: true },
    );
  };
  return { query, today, show };
}
