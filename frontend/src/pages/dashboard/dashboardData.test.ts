import { describe, expect, it } from 'vitest';
import {
  clinicRevenueRows,
  consultantRows,
  dashboardParams,
  deltaPercent,
  deltaPoints,
  memberAnalyticsLink,
  readDashboardParams,
  reasonRows,
  revenueOption,
  revenueRows,
  tierRows,
  type ConsultantFigures,
  type RevenuePanel,
} from './dashboardData';

const CLINIC = '0b6d7a52-5c39-4a53-9a3b-6f1f7c1c2a10';
const cny = (amount: number) => ({ amount, currency: 'CNY' });

const revenue: RevenuePanel = {
  period: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-04T00:00:00+08:00' },
  previousPeriod: { from: '2026-10-29T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' },
  clinicId: null,
  revenue: { current: cny(380_000), previous: cny(-5_000) },
  ordersPaid: { current: 3, previous: 0 },
  averageOrder: { current: cny(126_667), previous: cny(0) },
  interval: 'DAY',
  series: [
    { start: '2026-11-01', revenue: cny(280_000), ordersPaid: 1 },
    { start: '2026-11-02', revenue: cny(0), ordersPaid: 0 },
    { start: '2026-11-03', revenue: cny(100_050), ordersPaid: 2 },
  ],
  previousSeries: [
    { start: '2026-10-29', revenue: cny(0), ordersPaid: 0 },
    { start: '2026-10-30', revenue: cny(-5_000), ordersPaid: 0 },
  ],
  byClinic: [
    { clinicId: CLINIC, clinicName: '北店', revenue: { current: cny(300_000), previous: cny(200_000) }, ordersPaid: { current: 2, previous: 1 } },
    { clinicId: null, clinicName: null, revenue: { current: cny(80_000), previous: cny(0) }, ordersPaid: { current: 1, previous: 0 } },
  ],
};

describe('the dashboard URL', () => {
  it('keeps a valid period and clinic and falls back to this month otherwise', () => {
    const kept = readDashboardParams(new URLSearchParams({ from: '2026-01-01', to: '2026-03-31', clinicId: CLINIC }), 'Asia/Shanghai');
    expect(kept).toEqual({ period: { from: '2026-01-01', to: '2026-03-31' }, clinicId: CLINIC });
    const fallback = readDashboardParams(new URLSearchParams({ from: '2026-03-31', to: '2026-01-01', clinicId: 'north' }), 'Asia/Shanghai');
    expect(fallback.clinicId).toBeUndefined();
    expect(fallback.period.from.endsWith('-01')).toBe(true);
    expect(readDashboardParams(new URLSearchParams({ from: '2024-01-01', to: '2026-01-01' }), 'UTC').period).not.toEqual({ from: '2024-01-01', to: '2026-01-01' });
  });

  it('writes the clinic only when there is one, and carries it to member analytics', () => {
    expect(dashboardParams({ period: { from: '2026-01-01', to: '2026-01-31' } }).toString()).toBe('from=2026-01-01&to=2026-01-31');
    expect(dashboardParams({ period: { from: '2026-01-01', to: '2026-01-31' }, clinicId: CLINIC }).get('clinicId')).toBe(CLINIC);
    expect(memberAnalyticsLink(CLINIC)).toBe(`/analytics/members?clinicId=${CLINIC}`);
    expect(memberAnalyticsLink()).toBe('/analytics/members');
  });
});

describe('changes from the previous period', () => {
  it('is a percentage with one decimal, against the size of a negative figure too', () => {
    expect(deltaPercent(150, 100)).toBe(50);
    expect(deltaPercent(2, 3)).toBe(-33.3);
    expect(deltaPercent(100, -100)).toBe(200);
    expect(deltaPercent(0, 40)).toBe(-100);
  });

  it('is nothing to show when there is nothing to compare with', () => {
    expect(deltaPercent(10, 0)).toBeNull();
    expect(deltaPercent(null, 3)).toBeNull();
    expect(deltaPercent(3, undefined)).toBeNull();
  });

  it('compares rates in percentage points', () => {
    expect(deltaPoints(0.5, 0.25)).toBe(25);
    expect(deltaPoints(0.333, 0.5)).toBe(-16.7);
    expect(deltaPoints(null, 0.5)).toBeNull();
  });
});

describe('the revenue chart and its CSV', () => {
  const header = { start: 'start', revenue: 'revenue', orders: 'orders', previousStart: 'prevStart', previousRevenue: 'prevRevenue' };

  it('lists every bucket in yuan beside the previous period bucket by bucket, blank where it has fewer', () => {
    expect(revenueRows(revenue, header)).toEqual([
      ['start', 'revenue', 'orders', 'prevStart', 'prevRevenue'],
      ['2026-11-01', 2800, 1, '2026-10-29', 0],
      ['2026-11-02', 0, 0, '2026-10-30', -50],
      ['2026-11-03', 1000.5, 2, '', ''],
    ]);
  });

  it('draws what the CSV holds', () => {
    const option = revenueOption(revenue, { current: 'now', previous: 'before' }, '#c2416b');
    expect(option.xAxis.data).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(option.series[0].data).toEqual([2800, 0, 1000.5]);
    expect(option.series[1].data).toEqual([0, -50, null]);
  });

  it('gives clinics their revenue, orders and change, and names the unnamed', () => {
    expect(clinicRevenueRows(revenue, ['c', 'r', 'pr', 'o', 'po', 'd'], 'other')).toEqual([
      ['c', 'r', 'pr', 'o', 'po', 'd'],
      ['北店', 3000, 2000, 2, 1, 50],
      ['other', 800, 0, 1, 0, ''],
    ]);
  });
});

describe('the other panels as tables', () => {
  it('lists tiers at both ends', () => {
    expect(tierRows([{ tierId: 'a', tierName: '普卡', position: 0, customers: { current: 5, previous: 3 } }], ['t', 'n', 'p'])).toEqual([
      ['t', 'n', 'p'],
      ['普卡', 5, 3],
    ]);
  });

  it('merges the reasons of both periods, most frequent now first', () => {
    const rows = reasonRows(
      [{ reason: 'TRUST', count: 1 }, { reason: 'PRICE', count: 4 }],
      [{ reason: 'TIMING', count: 2 }, { reason: 'PRICE', count: 1 }],
      (r) => r.toLowerCase(),
      ['reason', 'now', 'before'],
    );
    expect(rows).toEqual([
      ['reason', 'now', 'before'],
      ['price', 4, 1],
      ['trust', 1, 0],
      ['timing', 0, 2],
    ]);
  });

  it('gives consultants their sales, 二开 and rates in percent, blank where nothing was decided or due', () => {
    const figures: ConsultantFigures = {
      consultantId: 'c1',
      consultantName: null,
      sales: { current: cny(99_000), previous: cny(0) },
      secondDevelopmentOrders: { current: 1, previous: 0 },
      secondDevelopmentSales: { current: cny(99_000), previous: cny(0) },
      consultations: { current: 3, previous: 0 },
      converted: { current: 1, previous: 0 },
      conversionRate: { current: 1 / 3, previous: null },
      followUpsDue: { current: 0, previous: 0 },
      followUpsDone: { current: 0, previous: 0 },
      followUpRate: { current: null, previous: null },
    };
    expect(consultantRows([figures], ['h'], 'unknown')).toEqual([['h'], ['unknown', 990, 0, 1, 990, 3, 1, 33.3, 0, 0, '']]);
  });
});
