import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { me } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

type Program = components['schemas']['MembershipProgram'];
type Job = NonNullable<components['schemas']['MembershipJob']>;
type User = ReturnType<typeof userEvent.setup>;

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const benefits = (discountPercent: number) => ({ discountPercent, categoryDiscounts: {}, pointsMultiplier: 1, perks: [] });
const PUKA = { id: '01900000-0000-7000-8000-0000000b0001', name: '普卡', threshold: cny(1000000), benefits: benefits(2) };
const YINKA = { id: '01900000-0000-7000-8000-0000000b0002', name: '银卡', threshold: cny(3000000), benefits: benefits(5) };
const PROGRAM: Program = {
  basis: 'LIFETIME',
  reviewRule: 'AT_MEMBER_YEAR_END',
  tiers: [PUKA, YINKA],
  reevaluationJob: null,
  updatedAt: '2026-11-01T10:00:00Z',
  version: 3,
};
const PROPOSED = {
  basis: 'LIFETIME',
  reviewRule: 'AT_MEMBER_YEAR_END',
  tiers: [
    { id: PUKA.id, name: '普卡', threshold: cny(1000000), benefits: benefits(2) },
    { id: YINKA.id, name: '银卡', threshold: cny(2500000), benefits: benefits(5) },
  ],
};
const PREVIEW = {
  customers: 120,
  movingUp: 1,
  movingDown: 0,
  staying: 119,
  tiers: [
    { tierId: PUKA.id, name: '普卡', holders: 40, movingUp: 0, movingDown: 0, staying: 40 },
    { tierId: YINKA.id, name: '银卡', holders: 9, movingUp: 1, movingDown: 0, staying: 8 },
    { tierId: null, name: null, holders: 71, movingUp: 0, movingDown: 0, staying: 71 },
  ],
  movers: [
    {
      customerId: '01900000-0000-7000-8000-0000000c0005',
      customerName: '赵敏',
      fromTier: { id: PUKA.id, name: '普卡' },
      toTier: { id: YINKA.id, name: '银卡' },
      direction: 'UP',
      qualifyingSpend: cny(2600000),
    },
  ],
  nextCursor: null,
};

function job(overrides: Partial<Job>): Job {
  return {
    id: '01900000-0000-7000-8000-0000000ab001',
    kind: 'REEVALUATION',
    status: 'QUEUED',
    total: 0,
    processed: 0,
    movedUp: 0,
    movedDown: 0,
    asOf: '2026-11-23',
    createdAt: '2026-11-23T10:00:00Z',
    startedAt: null,
    finishedAt: null,
    error: null,
    ...overrides,
  };
}

function tiersApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/membership/tiers', json(PROGRAM, 200, { ETag: '"3"' }));
}

async function setThreshold(user: User, i: number, text: string) {
  const input = await screen.findByTestId(`tier-threshold-${i}`);
  await user.clear(input);
  await fill(user, input, text);
}

describe('Tier settings', () => {
  it('previews who would move before applying, applies with If-Match, then follows the re-evaluation to the end', async () => {
    const user = userEvent.setup();
    const jobs = [job({ status: 'RUNNING', total: 120, processed: 60 }), job({ status: 'DONE', total: 120, processed: 120, movedUp: 1, finishedAt: '2026-11-23T10:01:00Z' })];
    const api = tiersApi()
      .on('POST', '/api/v1/membership/tiers/preview', PREVIEW)
      .on('PUT', '/api/v1/membership/tiers', json({ ...PROGRAM, tiers: [PUKA, { ...YINKA, threshold: cny(2500000) }], reevaluationJob: job({}), version: 4 }, 200, { ETag: '"4"' }))
      .on('GET', '/api/v1/membership/jobs/{id}', () => json(jobs.length > 1 ? jobs.shift() : jobs[0]));
    renderApp(api, { path: '/settings/tiers' });

    const apply = await screen.findByTestId('tier-apply');
    expect(apply).toBeDisabled();
    await setThreshold(user, 1, '25000');
    await user.click(screen.getByTestId('tier-preview-button'));

    const summary = await screen.findByTestId('tier-preview-summary');
    expect(api.calls('POST', '/api/v1/membership/tiers/preview')[0].body).toEqual(PROPOSED);
    expect(summary).toHaveTextContent('共评估 120 位客户');
    expect(summary).toHaveTextContent('1 位升级');
    const table = screen.getByTestId('tier-preview-table');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('银卡9108');
    expect(within(table).getAllByRole('row')[3]).toHaveTextContent('非会员71');
    expect(within(screen.getByTestId('tier-movers-table')).getByText('赵敏').closest('tr')).toHaveTextContent('普卡 → 银卡 升级¥26,000.00');
    await waitFor(() => expect(apply).toBeEnabled());

    // A change after the preview needs a new preview.
    await setThreshold(user, 1, '26000');
    await waitFor(() => expect(apply).toBeDisabled());
    expect(api.calls('PUT', '/api/v1/membership/tiers')).toHaveLength(0);
    await setThreshold(user, 1, '25000');
    await waitFor(() => expect(apply).toBeEnabled());

    await user.click(apply);
    await waitFor(() => expect(api.calls('PUT', '/api/v1/membership/tiers')).toHaveLength(1));
    const [put] = api.calls('PUT', '/api/v1/membership/tiers');
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(put.body).toEqual(PROPOSED);

    const progress = await screen.findByTestId('tier-job');
    await waitFor(() => expect(progress).toHaveTextContent('重新评估已完成'), { timeout: 8000 });
    expect(within(progress).getByTestId('tier-job-processed')).toHaveTextContent('120 / 120');
    expect(api.calls('GET', '/api/v1/membership/jobs/01900000-0000-7000-8000-0000000ab001').length).toBeGreaterThanOrEqual(2);
  });

  it('shows a refused preview on the tier it names, and applies nothing', async () => {
    const user = userEvent.setup();
    const api = tiersApi().on(
      'POST',
      '/api/v1/membership/tiers/preview',
      problem(400, { title: 'Bad Request', errors: [{ field: 'tiers[1].threshold.amount', message: 'must be above the tier below' }] }),
    );
    renderApp(api, { path: '/settings/tiers' });
    await setThreshold(user, 1, '5000');
    await user.click(screen.getByTestId('tier-preview-button'));
    expect(await within(screen.getByTestId('tier-1')).findByText('must be above the tier below')).toBeInTheDocument();
    expect(screen.getByTestId('tier-apply')).toBeDisabled();
  });
});
