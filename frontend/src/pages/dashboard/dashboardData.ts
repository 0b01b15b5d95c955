import dayjs from 'dayjs';
import type { components } from '../../api/schema';
import type { CsvCell } from '../../components/download';
import { MAX_DAYS, presets, type Period } from '../conversion/conversionPeriod';

type S = components['schemas'];
export type CountComparison = S['DashboardCountComparison'];
export type MoneyComparison = S['DashboardMoneyComparison'];
export type MeasureComparison = S['DashboardMeasureComparison'];
export type RevenuePanel = S['DashboardRevenue'];
export type TierCount = S['DashboardTierCount'];
export type ConsultantFigures = S['DashboardConsultantFigures'];
export type ReasonCount = S['ReasonCount'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DashboardParams {
  period: Period;
  clinicId?: string;
}

/**
 * The page's state from its URL: a period of whole days in the chain's calendar (this month when missing or
 * malformed; at most the consultation figures' 366 days) and the clinic.
 */
export function readDashboardParams(params: URLSearchParams, timeZone: string): DashboardParams {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const days = DATE.test(from) && DATE.test(to) ? dayjs(to).diff(dayjs(from), 'day') + 1 : NaN;
  const clinicId = params.get('clinicId') ?? '';
  return {
    period: days >= 1 && days <= MAX_DAYS ? { from, to } : presets(timeZone)[0].period,
    clinicId: UUID.test(clinicId) ? clinicId : undefined,
  };
}

export function dashboardParams({ period, clinicId }: DashboardParams): URLSearchParams {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (clinicId) params.set('clinicId', clinicId);
  return params;
}

/** Where the member-analytics page opens for the same clinic. */
export function memberAnalyticsLink(clinicId?: string): string {
  return clinicId ? `/analytics/members?${new URLSearchParams({ clinicId })}` : '/analytics/members';
}

/**
 * The change from the previous period in percent (one decimal); null where there is nothing to compare with (no
 * previous figure, or no figure at all) so the page shows a dash rather than ∞ or NaN.
 */
export function deltaPercent(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

/** A rate (0–1) compared by its difference in percentage points, one decimal. */
export function deltaPoints(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null) return null;
  return Math.round((current - previous) * 1000) / 10;
}

/** Minor units as major units for charts and CSV (fen → yuan), exact to the cent. */
export function major(amount: number): number {
  return Math.round(amount) / 100;
}

/** The revenue series for the chart and its CSV: one row per bucket, this period beside the previous one. */
export function revenueRows(panel: RevenuePanel, header: { start: string; revenue: string; orders: string; previousStart: string; previousRevenue: string }): CsvCell[][] {
  const rows: CsvCell[][] = [[header.start, header.revenue, header.orders, header.previousStart, header.previousRevenue]];
  panel.series.forEach((point, i) => {
    const before = panel.previousSeries[i];
    rows.push([point.start, major(point.revenue.amount), point.ordersPaid, before?.start ?? '', before ? major(before.revenue.amount) : '']);
  });
  return rows;
}

/** The revenue chart: this period's bars and the previous period's line, bucket by bucket. */
export function revenueOption(panel: RevenuePanel, names: { current: string; previous: string }, color: string) {
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.current, names.previous] },
    xAxis: { type: 'category', data: panel.series.map((p) => p.start) },
    yAxis: { type: 'value' },
    series: [
      { name: names.current, type: 'bar', data: panel.series.map((p) => major(p.revenue.amount)), itemStyle: { color } },
      {
        name: names.previous,
        type: 'line',
        data: panel.series.map((_, i) => {
          const before = panel.previousSeries[i];
          return before ? major(before.revenue.amount) : null;
        }),
      },
    ],
  };
}

/** Rows of the clinics' revenue: name, this period, the previous one, the change. */
export function clinicRevenueRows(panel: RevenuePanel, header: CsvCell[], otherClinic: string): CsvCell[][] {
  return [
    header,
    ...panel.byClinic.map((c) => [
      c.clinicName ?? otherClinic,
      major(c.revenue.current.amount),
      major(c.revenue.previous.amount),
      c.ordersPaid.current,
      c.ordersPaid.previous,
      deltaPercent(c.revenue.current.amount, c.revenue.previous.amount) ?? '',
    ]),
  ];
}

/** Tier distribution rows: the tier, customers at the end of this period and of the previous one. */
export function tierRows(tiers: TierCount[], header: CsvCell[]): CsvCell[][] {
  return [header, ...tiers.map((t) => [t.tierName, t.customers.current, t.customers.previous])];
}

export function tierOption(tiers: TierCount[], names: { current: string; previous: string }) {
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.current, names.previous] },
    xAxis: { type: 'category', data: tiers.map((t) => t.tierName) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.current, type: 'bar', data: tiers.map((t) => t.customers.current) },
      { name: names.previous, type: 'bar', data: tiers.map((t) => t.customers.previous) },
    ],
  };
}

/** Non-conversion reasons of both periods, by reason (every reason either period has), most frequent now first. */
export function reasonRows(current: ReasonCount[], previous: ReasonCount[], name: (reason: ReasonCount['reason']) => string, header: CsvCell[]): CsvCell[][] {
  const reasons = [...new Set([...current.map((r) => r.reason), ...previous.map((r) => r.reason)])];
  const count = (list: ReasonCount[], reason: ReasonCount['reason']) => list.find((r) => r.reason === reason)?.count ?? 0;
  reasons.sort((a, b) => count(current, b) - count(current, a) || count(previous, b) - count(previous, a));
  return [header, ...reasons.map((r) => [name(r), count(current, r), count(previous, r)])];
}

/** A rate (0–1) as a CSV cell in percent with one decimal; empty when there is none. */
export function percentCell(rate: number | null | undefined): CsvCell {
  return rate == null ? '' : Math.round(rate * 1000) / 10;
}

export function consultantRows(consultants: ConsultantFigures[], header: CsvCell[], unknown: string): CsvCell[][] {
  return [
    header,
    ...consultants.map((c) => [
      c.consultantName ?? unknown,
      major(c.sales.current.amount),
      major(c.sales.previous.amount),
      c.secondDevelopmentOrders.current,
      major(c.secondDevelopmentSales.current.amount),
      c.consultations.current,
      c.converted.current,
      percentCell(c.conversionRate.current),
      c.followUpsDue.current,
      c.followUpsDone.current,
      percentCell(c.followUpRate.current),
    ]),
  ];
}
