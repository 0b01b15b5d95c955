import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { catalogItem, clinic, customer, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type PointsEntry = components['schemas']['PointsEntry'];
type User = ReturnType<typeof userEvent.setup>;

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const HER = customer(5, { name: '赵敏', status: 'ACTIVE' });
const MASK = catalogItem(3, { name: '玻尿酸面膜' });
const ACCOUNT = `/api/v1/points/accounts/${HER.id}`;

function entry(points: number, balanceAfter: number, extra: Partial<PointsEntry> = {}): PointsEntry {
  return {
    id: `01900000-0000-7000-8000-0000000e${String(balanceAfter).padStart(4, '0')}`,
    customerId: HER.id,
    kind: 'ADJUST',
    points,
    balanceAfter,
    orderId: null,
    refundId: null,
    giftItemId: null,
    giftDescription: null,
    reason: null,
    actorId: 'kc-user-1',
    actorName: '王店长',
    requestId: null,
    occurredAt: '2026-11-20T10:00:00+08:00',
    allocations: [],
    ...extra,
  } as PointsEntry;
}

/** Her points as `roles` see them; `state.balance` and `state.entries` change with the writes a test fakes. */
function pointsApi(roles: Parameters<typeof me>[0], state = { balance: 1200, entries: [] as PointsEntry[] }) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [MASK], nextCursor: null })
    .on('GET', `/api/v1/customers/${HER.id}`, json(HER, 200, { ETag: '"1"' }))
    .on('GET', `/api/v1/customers/${HER.id}/membership`, problem(404, { title: 'Not Found' }))
    .on('GET', ACCOUNT, () =>
      json({ customerId: HER.id, balance: state.balance, value: cny(state.balance), lots: [], expiringSoon: { withinDays: 30, points: 0, earliestExpiry: null } }),
    )
    .on('GET', `${ACCOUNT}/entries`, () => json({ items: state.entries, nextCursor: null }));
}

async function openTab(user: User) {
  await user.click(await screen.findByRole('tab', { name: '会员与积分' }));
  return screen.findByTestId('customer-points');
}

/** The number input inside an antd InputNumber (the test id may sit on the input or its wrapper). */
function numberIn(form: HTMLElement, testId: string): HTMLElement {
  const el = within(form).getByTestId(testId);
  return el.tagName === 'INPUT' ? el : within(el).getByRole('spinbutton');
}

describe('Points actions on the customer’s points card', () => {
  it.each([
    [['tenant-admin'], true, true],
    [['manager'], true, true],
    [['consultant'], false, true],
    [['front-desk'], false, true],
    [['clinician'], false, false],
  ] as const)('%j: adjust %s, redeem %s', async (roles, adjust, redeem) => {
    const user = userEvent.setup();
    renderApp(pointsApi([...roles]), { path: `/customers/${HER.id}` });
    const card = await openTab(user);
    await within(card).findByTestId('points-balance');
    expect(!!within(card).queryByTestId('points-adjust')).toBe(adjust);
    expect(!!within(card).queryByTestId('points-redeem')).toBe(redeem);
  });

  it('adjusts with an Idempotency-Key reused on a retry after a 5xx and a network error, then reads balance and ledger again', async () => {
    const user = userEvent.setup();
    const state = { balance: 1200, entries: [] as PointsEntry[] };
    let attempts = 0;
    const api = pointsApi(['manager'], state).on('POST', `${ACCOUNT}/adjustments`, () => {
      attempts += 1;
      if (attempts === 1) return problem(503, { title: 'Service Unavailable' });
      if (attempts === 2) throw new TypeError('Failed to fetch');
      state.balance = 1000;
      state.entries = [entry(-200, 1000, { reason: '补录错误' })];
      return json(state.entries[0], 201);
    });
    renderApp(api, { path: `/customers/${HER.id}` });
    const card = await openTab(user);
    expect(await within(card).findByTestId('points-balance')).toHaveTextContent('1,200');
    const accountReads = api.calls('GET', ACCOUNT).length;
    const ledgerReads = api.calls('GET', `${ACCOUNT}/entries`).length;

    await user.click(within(card).getByTestId('points-adjust'));
    const form = await screen.findByTestId('points-adjust-form');
    await fill(user, numberIn(form, 'points-adjust-points'), '-200');
    await fill(user, within(form).getByTestId('points-adjust-reason'), '补录错误');
    await user.click(screen.getByTestId('points-adjust-form-submit'));
    expect(await screen.findByTestId('points-adjust-form-error')).toBeInTheDocument();
    await user.click(screen.getByTestId('points-adjust-form-submit'));
    await waitFor(() => expect(attempts).toBe(2));
    await user.click(screen.getByTestId('points-adjust-form-submit'));

    await waitFor(() => expect(screen.queryByTestId('points-adjust-form')).not.toBeInTheDocument());
    const posts = api.calls('POST', `${ACCOUNT}/adjustments`);
    expect(posts).toHaveLength(3);
    expect(posts[0].body).toEqual({ points: -200, reason: '补录错误' });
    const key = posts[0].headers.get('Idempotency-Key');
    expect(key).toBeTruthy();
    expect(posts.map((p) => p.headers.get('Idempotency-Key'))).toEqual([key, key, key]);

    expect(await within(card).findByText('补录错误')).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByTestId('points-balance')).toHaveTextContent('1,000'));
    expect(api.calls('GET', ACCOUNT).length).toBeGreaterThan(accountReads);
    expect(api.calls('GET', `${ACCOUNT}/entries`).length).toBeGreaterThan(ledgerReads);
  });

  it('shows a short balance (422) on the points, then redeems a catalog gift with a fresh key', async () => {
    const user = userEvent.setup();
    const state = { balance: 1200, entries: [] as PointsEntry[] };
    const api = pointsApi(['front-desk'], state).on('POST', `${ACCOUNT}/redemptions`, async (req) => {
      const body = (await req.json()) as { points: number };
      if (body.points > state.balance) return problem(422, { type: 'https://meike.app/problems/unprocessable', title: 'Unprocessable', detail: 'Balance 1200 is short of 5000' });
      state.balance -= body.points;
      state.entries = [entry(-body.points, state.balance, { kind: 'REDEEM', giftItemId: MASK.id, giftDescription: '玻尿酸面膜' })];
      return json(state.entries[0], 201);
    });
    renderApp(api, { path: `/customers/${HER.id}` });
    const card = await openTab(user);
    await within(card).findByTestId('points-balance');

    await user.click(within(card).getByTestId('points-redeem'));
    const form = await screen.findByTestId('points-redeem-form');
    await user.click(screen.getByTestId('points-redeem-form-submit'));
    expect(await within(form).findAllByText('请选择礼品或填写礼品说明')).not.toHaveLength(0);
    expect(api.calls('POST', `${ACCOUNT}/redemptions`)).toHaveLength(0);

    await fill(user, numberIn(form, 'points-redeem-points'), '5000');
    await user.click(within(within(form).getByTestId('points-redeem-item')).getByRole('combobox'));
    await user.click(await screen.findByTitle('玻尿酸面膜'));
    await fill(user, within(form).getByTestId('points-redeem-note'), '生日礼');
    await user.click(screen.getByTestId('points-redeem-form-submit'));
    expect(await within(form).findByText('积分不足（当前余额 1200 积分）')).toBeInTheDocument();

    const points = numberIn(form, 'points-redeem-points');
    await user.clear(points);
    await fill(user, points, '800');
    await user.click(screen.getByTestId('points-redeem-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('points-redeem-form')).not.toBeInTheDocument());

    const posts = api.calls('POST', `${ACCOUNT}/redemptions`);
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual({ points: 800, giftItemId: MASK.id, giftDescription: null, note: '生日礼' });
    expect(posts[0].headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[1].headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[1].headers.get('Idempotency-Key')).not.toBe(posts[0].headers.get('Idempotency-Key'));
    await waitFor(() => expect(within(card).getByTestId('points-balance')).toHaveTextContent('400'));
    expect(await within(card).findByText('-800')).toBeInTheDocument();
  });
});
