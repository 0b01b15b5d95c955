import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, problem } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type S = components['schemas'];
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const count = (current: number, previous: number) => ({ current, previous });
const period = { from: '2026-05-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' };
const previousPeriod = { from: '2026-03-31T00:00:00+08:00', to: '2026-05-01T00:00:00+08:00' };
const head = { period, previousPeriod, clinicId: clinic(1).id };
const figures = (converted: number, notConverted: number): S['ConversionFigures'] => ({
  consultations: converted + notConverted,
  converted,
  notConverted,
  pending: 0,
  conversionRate: converted + notConverted === 0 ? null : converted / (converted + notConverted),
  reasons: notConverted ? [{ reason: 'PRICE', count: notConverted }] : [],
});
const liability = (principal: number): S['StoredValueLiability'] => ({
  clinicId: null,
  clinicName: null,
  accounts: 1,
  principal: cny(principal),
  bonus: cny(0),
  balance: cny(principal),
  expiredAccounts: 0,
  expiredPrincipal: cny(0),
  expiredBonus: cny(0),
  aging: [],
});
const packs: S['SessionPackLiability'] = { clinicId: null, clinicName: null, packs: 1, sessions: 2, value: cny(160_000), aging: [] };

function apiFor(roles: Parameters<typeof me>[0]) {
  const revenue: S['DashboardRevenue'] = {
    ...head,
    revenue: { current: cny(1_500_000), previous: cny(1_000_000) },
    ordersPaid: count(10, 10),
    averageOrder: { current: cny(150_000), previous: cny(100_000) },
    interval: 'WEEK',
    series: [{ start: '2026-04-27', revenue: cny(1_500_000), ordersPaid: 10 }],
    previousSeries: [{ start: '2026-03-30', revenue: cny(1_000_000), ordersPaid: 10 }],
    byClinic: [{ clinicId: clinic(1).id, clinicName: clinic(1).name, revenue: { current: cny(1_500_000), previous: cny(1_000_000) }, ordersPaid: count(10, 10) }],
  };
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/analytics/dashboard/revenue', revenue)
    .on('GET', '/api/v1/analytics/dashboard/customers', { ...head, newCustomers: count(4, 2), returningCustomers: count(6, 8), visits: count(30, 0), visitors: count(20, 0) })
    .on('GET', '/api/v1/analytics/dashboard/consultations', { ...head, current: figures(3, 1), previous: figures(1, 1) })
    .on('GET', '/api/v1/analytics/dashboard/membership', () => problem(503, { title: 'Unavailable' }))
    .on('GET', '/api/v1/analytics/dashboard/liabilities', { ...head, asOf: period.to, previousAsOf: previousPeriod.to, storedValue: liability(500_000), previousStoredValue: liability(400_000), packs, previousPacks: packs })
    .on('GET', '/api/v1/analytics/dashboard/engagement', {
      ...head,
      referrals: count(1, 0),
      surveys: count(2, 1),
      averageResult: { current: 4.5, previous: 4 },
      averageExperience: { current: 4, previous: 4 },
      nps: { current: 50, previous: null },
      complaintsOpened: count(1, 2),
      complaintsOpen: count(1, 1),
      complaintsOverdue: count(0, 0),
    })
    .on('GET', '/api/v1/analytics/dashboard/consultants', { ...head, consultants: [] });
}

describe('Dashboard', () => {
  it('asks every panel for the period and clinic of its URL, and compares each figure with the previous period', async () => {
    const api = apiFor(['manager']);
    renderApp(api, { path: `/analytics/dashboard?from=2026-05-01&to=2026-05-31&clinicId=${clinic(1).id}` });
    const revenue = await screen.findByTestId('kpi-revenue');
    expect(revenue.textContent).toContain('15,000');
    expect(within(revenue).getByTestId('delta').textContent).toContain('50%');
    expect(within(await screen.findByTestId('kpi-orders')).queryByTestId('delta')?.textContent).toContain('0%');
    expect((await screen.findByTestId('kpi-nps')).textContent).toContain('上期无数据');
    for (const panel of ['revenue', 'customers', 'consultations', 'liabilities', 'engagement', 'consultants']) {
      const query = api.calls('GET', `/api/v1/analytics/dashboard/${panel}`).at(-1)!.query;
      expect(query.get('from')).toBe('2026-05-01T00:00:00+08:00');
      expect(query.get('to')).toBe('2026-06-01T00:00:00+08:00');
      expect(query.get('clinicId')).toBe(clinic(1).id);
    }
    expect(screen.getByTestId('dashboard-member-analytics').getAttribute('href')).toBe(`/analytics/members?clinicId=${clinic(1).id}`);
    expect(screen.getByRole('combobox', { name: '门店筛选' })).toBeTruthy();
  });

  it('shows a failing panel as its own error while the others load', async () => {
    renderApp(apiFor(['tenant-admin']), { path: '/analytics/dashboard?from=2026-05-01&to=2026-05-31' });
    expect(await screen.findByTestId('dashboard-membership-error')).toBeTruthy();
    expect(await screen.findByTestId('kpi-new')).toBeTruthy();
    expect(screen.getByTestId('dashboard-member-analytics').getAttribute('href')).toBe('/analytics/members');
  });

  it('is not for consultants', async () => {
    renderApp(apiFor(['consultant']), { path: '/analytics/dashboard' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeTruthy();
  });
});
