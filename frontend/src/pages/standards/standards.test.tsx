import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { captureDownloads, textOf } from '../../test/downloads';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, customer, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { walletApi } from '../../test/walletFixtures';
import { radarOption, spendRows, type Standards } from './MemberStandards';
import { distributionRows, visitBandLabel } from './StandardsReportPage';
import { toUpdate } from './StandardsRulesPage';

type Rules = components['schemas']['MemberStandardsRules'];

const HER = customer(1);
const PATH = `/api/v1/analytics/customers/${HER.id}/standards`;
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const zero = { spend: 0, items: 0, visits: 0, referrals: 0, satisfaction: null, composite: 0 };

/** Her year 2, one month in: the oracle test's figures (MemberStandardsApiTest). */
function standards(number = 2): Standards {
  const inProgress = number === 2;
  return {
    customerId: HER.id,
    memberYear: { number, startsAt: `202${4 + number}-07-15T02:00:00Z`, endsAt: `202${5 + number}-07-15T02:00:00Z`, current: inProgress },
    asOf: '2026-07-15T03:00:00Z',
    targets: { spend: cny(10_000_000), items: 4, visits: 12, referrals: 2, satisfaction: 4.5 },
    weights: { spend: 20, items: 20, visits: 20, referrals: 20, satisfaction: 20 },
    measures: inProgress
      ? { spend: cny(0), items: 0, visits: 1, referrals: 0, satisfaction: null }
      : { spend: cny(3_000_000), items: 1, visits: 4, referrals: 1, satisfaction: 3.75 },
    scores: inProgress ? { ...zero, visits: 8, composite: 2 } : { spend: 30, items: 25, visits: 33, referrals: 50, satisfaction: 83, composite: 44 },
    months: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      from: '2026-07-15T02:00:00Z',
      to: '2026-08-15T02:00:00Z',
      spend: !inProgress || i === 0 ? cny(i === 0 ? 4_000_000 : 3_000_000) : null,
      plannedSpend: cny(500_000 * (i + 1)),
      items: !inProgress || i === 0 ? 1 : null,
      visits: !inProgress || i === 0 ? 1 : null,
      referrals: !inProgress || i === 0 ? 0 : null,
      satisfaction: null,
    })),
    previousYear: inProgress
      ? {
          memberYear: 1,
          measures: { spend: cny(3_000_000), items: 1, visits: 4, referrals: 1, satisfaction: 3.75 },
          scores: { spend: 30, items: 25, visits: 33, referrals: 50, satisfaction: 83, composite: 44 },
          toSamePoint: {
            throughMonth: 1,
            measures: { spend: cny(4_000_000), items: 1, visits: 1, referrals: 0, satisfaction: null },
            scores: { ...zero, spend: 40, items: 25, visits: 8, composite: 18 },
          },
        }
      : null,
    years: [
      { number: 1, startsAt: '2025-07-15T02:00:00Z', endsAt: '2026-07-15T02:00:00Z', score: 44 },
      { number: 2, startsAt: '2026-07-15T02:00:00Z', endsAt: '2027-07-15T02:00:00Z', score: 2 },
    ],
  };
}

function customerApi(roles: Parameters<typeof walletApi>[0], answer: Response | ((year: string | null) => Response)) {
  return walletApi(roles, HER, { account: null, entries: [] }).on('GET', PATH, (request) =>
    typeof answer === 'function' ? answer(new URL(request.url).searchParams.get('memberYear')) : answer.clone(),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('the customer’s 五大金标准 tab', () => {
  it('shows the scores against last year to the same point, the radar and the curves, and picks another year', async () => {
    const user = userEvent.setup();
    const fake = customerApi(['consultant'], (year) => json(standards(year === '1' ? 1 : 2)));
    renderApp(fake, { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '五大金标准' }));
    const tab = await screen.findByTestId('member-standards');
    const table = within(tab).getByTestId('standards-table');
    expect(table).toHaveTextContent('上一年度同期（至第 1 月）');
    expect(within(table).getAllByRole('row')[3]).toHaveTextContent('到店次数11288');
    expect(within(tab).getByTestId('standards-trend')).toHaveTextContent('较上年同期 -16');
    await waitFor(() => expect(within(tab).getByTestId('standards-radar').querySelector('svg')).not.toBeNull());
    await waitFor(() => expect(within(tab).getByTestId('standards-spend-curve').querySelector('svg')).not.toBeNull());

    await user.click(within(screen.getByTestId('standards-member-year')).getByRole('combobox'));
    await user.click(await screen.findByTitle('第 1 年（2025-07-15 – 2026-07-15）· 44 分'));
    await waitFor(() => expect(within(screen.getByTestId('standards-table')).getAllByRole('row')[1]).toHaveTextContent('30'));
    expect(fake.requests.some((r) => r.path === PATH && r.query.get('memberYear') === '1')).toBe(true);
    expect(screen.queryByTestId('standards-trend')).not.toBeInTheDocument();
  });

  it('says a customer who has not paid yet has no member year', async () => {
    const user = userEvent.setup();
    renderApp(customerApi(['manager'], problem(422, { title: 'Unprocessable', detail: 'She has not paid for anything yet' })), { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '五大金标准' }));
    expect(await screen.findByTestId('standards-not-converted')).toHaveTextContent('会员年度从首次付款开始');
  });

  it('is not offered to the front desk', async () => {
    renderApp(customerApi(['front-desk'], json(standards())), { path: `/customers/${HER.id}` });
    await screen.findByRole('tab', { name: '年度规划' });
    expect(screen.queryByRole('tab', { name: '五大金标准' })).not.toBeInTheDocument();
  });

  it('draws the radar from the scores (satisfaction without a survey at 0) and exports the spend curve', () => {
    const option = radarOption(standards(), { measure: (m) => m, thisYear: 'now', previous: 'then' });
    expect(option.series[0].data.map((d) => d.value)).toEqual([
      [0, 0, 8, 0, 0],
      [40, 25, 8, 0, 0],
    ]);
    const rows = spendRows(standards(), ['m', 'spend', 'plan'], (n) => `M${n}`);
    expect(rows[1]).toEqual(['M1', 40000, 5000]);
    expect(rows[2]).toEqual(['M2', null, 10000]);
  });
});

describe('the standards report', () => {
  const distribution = {
    asOf: '2026-07-15T03:00:00Z',
    clinicId: null,
    members: 2,
    buckets: {
      composite: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      spend: [1, 0, 0, 1, 0, 0, 0, 0, 0, 0],
      items: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      visits: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      referrals: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      satisfaction: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      withoutSatisfaction: 2,
    },
  };
  const bands = {
    asOf: '2026-07-15T03:00:00Z',
    clinicId: null,
    visitBands: [
      { minVisits: 0, maxVisits: 0, members: 1, averageSpend: cny(3_000_000), medianSpend: cny(3_000_000) },
      { minVisits: 1, maxVisits: 5, members: 1, averageSpend: cny(0), medianSpend: cny(0) },
      { minVisits: 30, maxVisits: null, members: 0, averageSpend: null, medianSpend: null },
    ],
    spendBands: [{ minSpend: cny(10_000_000), members: 0, averageVisits: null, medianVisits: null }],
  };
  const member = (n: number, score: number) => ({
    customerId: customer(n).id,
    name: customer(n).name,
    homeClinicId: clinic(1).id,
    memberYear: 1,
    measures: { spend: cny(0), items: 0, visits: 0, referrals: 0, satisfaction: null },
    scores: { ...zero, composite: score },
  });

  it('shows the distribution, the visit bands, the top and the falling members, each chart downloadable as CSV', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const fake = new FakeApi()
      .on('GET', '/api/v1/me', me(['manager']))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .on('GET', '/api/v1/analytics/standards/distribution', distribution)
      .on('GET', '/api/v1/analytics/standards/visits-vs-spend', bands)
      .on('GET', '/api/v1/analytics/standards/top', (request) =>
        json(new URL(request.url).searchParams.get('cursor') ? { items: [member(2, 2)], nextCursor: null } : { items: [member(1, 14)], nextCursor: 'next' }),
      )
      .on('GET', '/api/v1/analytics/standards/falling', { items: [{ ...member(2, 2), score: 2, previousScore: 18, drop: 16, throughMonth: 1 }], nextCursor: null });
    renderApp(fake, { path: '/reports/standards' });
    const page = await screen.findByTestId('standards-report-page');
    expect(await within(page).findByTestId('standards-top')).toHaveTextContent(customer(1).name);
    await user.click(within(page).getByTestId('standards-top-more'));
    await waitFor(() => expect(within(page).getByTestId('standards-top')).toHaveTextContent(customer(2).name));
    expect(within(page).getByTestId('standards-falling')).toHaveTextContent('16');
    await waitFor(() => expect(within(page).getByTestId('standards-distribution').querySelector('svg')).not.toBeNull());
    await user.click(within(page).getAllByRole('button', { name: /下载 CSV/ })[0]);
    expect(saved[0].fileName).toBe('standards-distribution.csv');
    const { text } = await textOf(saved[0].blob);
    expect(text.split(/\r?\n/)[1]).toBe('0-9,1,1,1,2,2,0');
  });

  it('is not in a consultant’s menu', async () => {
    renderApp(new FakeApi().on('GET', '/api/v1/me', me(['consultant'])).on('GET', '/api/v1/clinics', { items: [], nextCursor: null }), { path: '/overview' });
    await screen.findByTestId('nav-overview');
    expect(screen.queryByTestId('nav-standardsReport')).not.toBeInTheDocument();
  });

  it('labels the bands as the seed does', () => {
    expect(bands.visitBands.map(visitBandLabel)).toEqual(['0', '1-5', '30+']);
    expect(distributionRows(distribution, ['b', 'c', 's', 'i', 'v', 'r', 'x'])[10]).toEqual(['90-100', 0, 0, 0, 0, 0, 0]);
  });
});

describe('the standards rules page', () => {
  const rules: Rules = {
    configured: false,
    targets: { spend: cny(10_000_000), items: 4, visits: 12, referrals: 2, satisfaction: 4.5 },
    weights: { spend: 20, items: 20, visits: 20, referrals: 20, satisfaction: 20 },
    updatedAt: null,
    version: 0,
  };

  it('saves the targets in minor units under If-Match', async () => {
    const user = userEvent.setup();
    const fake = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on('GET', '/api/v1/analytics/standards/rules', json(rules, 200, { ETag: '"0"' }))
      .on('PUT', '/api/v1/analytics/standards/rules', () => json({ ...rules, configured: true, version: 1 }, 200, { ETag: '"1"' }));
    renderApp(fake, { path: '/settings/standards-rules' });
    const spend = await screen.findByTestId('standards-target-spend');
    await user.clear(spend);
    await user.type(spend, '80000');
    await user.click(screen.getByTestId('standards-rules-save'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"0"');
    expect(put?.body).toEqual({ ...toUpdate({ spend: 80000, items: 4, visits: 12, referrals: 2, satisfaction: 4.5, weights: rules.weights }, 'CNY') });
    expect((put?.body as { targets: { spend: { amount: number } } }).targets.spend.amount).toBe(8_000_000);
  });
});
