import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, customer, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { tierProgress } from './membershipFields';

type Membership = components['schemas']['CustomerMembership'];
type PointsEntry = components['schemas']['PointsEntry'];

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const HER = customer(5, { name: '赵敏', status: 'ACTIVE' });
const PUKA = { id: '01900000-0000-7000-8000-0000000b0001', name: '普卡' };
const YINKA = { id: '01900000-0000-7000-8000-0000000b0002', name: '银卡' };

/** ¥22,500 spent on the lifetime basis: 普卡, ¥7,500 short of 银卡 (¥30,000). */
const MEMBERSHIP: Membership = {
  customerId: HER.id,
  tier: PUKA,
  source: 'COMPUTED',
  computedTier: PUKA,
  override: null,
  basis: 'LIFETIME',
  qualifyingSpend: cny(2250000),
  nextTier: { ...YINKA, threshold: cny(3000000), remaining: cny(750000) },
  benefits: {
    discountPercent: 2,
    categoryDiscounts: { SKIN: 5 },
    pointsMultiplier: 1.2,
    perks: [{ code: 'BIRTHDAY_GIFT', description: '生日当月赠送水光一次' }],
  },
  memberSince: '2026-03-05T16:30:00+08:00',
  memberYear: { start: '2026-03-05T16:30:00+08:00', end: '2027-03-05T16:30:00+08:00' },
  history: [
    {
      id: '01900000-0000-7000-8000-0000000bc001',
      at: '2026-03-05T16:30:00+08:00',
      fromTier: null,
      toTier: PUKA,
      reason: 'UPGRADE',
      sourceType: 'ORDER',
      sourceId: '01900000-0000-7000-8000-0000000f0001',
      by: null,
      note: null,
      qualifyingSpend: cny(1200000),
    },
  ],
};

function entry(n: number): PointsEntry {
  return {
    id: `01900000-0000-7000-8000-0000000e${String(n).padStart(4, '0')}`,
    customerId: HER.id,
    kind: 'EARN',
    points: 100 + n,
    balanceAfter: 1000 + n,
    orderId: null,
    refundId: null,
    giftItemId: null,
    giftDescription: null,
    reason: null,
    actorId: 'system',
    actorName: null,
    requestId: null,
    occurredAt: '2026-03-05T16:30:00+08:00',
    allocations: [],
  };
}

describe('Customer membership tab', () => {
  it('computes progress as spend against the next threshold, rounded down, and nothing at the top', () => {
    expect(tierProgress(MEMBERSHIP)).toEqual({ percent: 75, remaining: 750000 });
    expect(tierProgress({ qualifyingSpend: cny(2999999), nextTier: MEMBERSHIP.nextTier })).toEqual({ percent: 99, remaining: 750000 });
    expect(tierProgress({ qualifyingSpend: cny(0), nextTier: null })).toBeNull();
  });

  it('shows her tier card, the bar to the next tier, her member year, history, points lots expiring soon and the ledger by page', async () => {
    const user = userEvent.setup();
    const soonLot = {
      id: '01900000-0000-7000-8000-0000000a0001',
      source: 'ORDER' as const,
      orderId: null,
      points: 500,
      remaining: 300,
      earnedAt: '2025-06-01T10:00:00+08:00',
      expiresAt: dayjs().add(10, 'day').toISOString(),
    };
    const laterLot = { ...soonLot, id: '01900000-0000-7000-8000-0000000a0002', remaining: 900, expiresAt: dayjs().add(400, 'day').toISOString() };
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
      .on('GET', `/api/v1/customers/${HER.id}`, json(HER, 200, { ETag: '"1"' }))
      .on('GET', `/api/v1/customers/${HER.id}/membership`, MEMBERSHIP)
      .on('GET', `/api/v1/points/accounts/${HER.id}`, {
        customerId: HER.id,
        balance: 1200,
        value: cny(1200),
        lots: [soonLot, laterLot],
        expiringSoon: { withinDays: 30, points: 300, earliestExpiry: soonLot.expiresAt },
      })
      .on('GET', `/api/v1/points/accounts/${HER.id}/entries`, (req) =>
        json(
          new URL(req.url).searchParams.get('cursor') === 'p2'
            ? { items: [entry(3)], nextCursor: null }
            : { items: [entry(1), entry(2)], nextCursor: 'p2' },
        ),
      );
    renderApp(api, { path: `/customers/${HER.id}` });

    await user.click(await screen.findByRole('tab', { name: '会员与积分' }));
    const card = await screen.findByTestId('tier-card');
    expect(within(card).getByTestId('tier-name')).toHaveTextContent('普卡');
    expect(card).toHaveTextContent('皮肤管理 5%');
    expect(card).toHaveTextContent('×1.2');
    expect(within(card).getByTestId('tier-perks')).toHaveTextContent('生日礼生日当月赠送水光一次');

    const progress = screen.getByTestId('tier-progress');
    expect(within(progress).getByTestId('tier-spend')).toHaveTextContent('¥22,500.00');
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '75');
    expect(within(progress).getByTestId('tier-remaining')).toHaveTextContent('再消费 ¥7,500.00 升级为「银卡」');
    expect(within(progress).getByTestId('tier-remaining')).toHaveTextContent('门槛 ¥30,000.00');
    expect(within(progress).getByTestId('member-year')).toHaveTextContent('2026-03-05 – 2027-03-05');
    expect(screen.getByTestId('tier-history')).toHaveTextContent('非会员 → 普卡');
    expect(screen.getByTestId('tier-history')).toHaveTextContent('消费升级');

    const points = screen.getByTestId('customer-points');
    expect(await within(points).findByTestId('points-expiring')).toHaveTextContent('300 积分将在 30 天内过期');
    expect(within(points).getByTestId(`lot-expiring-${soonLot.id}`)).toHaveTextContent('即将过期');
    expect(within(points).queryByTestId(`lot-expiring-${laterLot.id}`)).not.toBeInTheDocument();
    expect(await within(points).findByText('+101')).toBeInTheDocument();
    await user.click(within(points).getByTestId('points-ledger-load-more'));
    expect(await within(points).findByText('+103')).toBeInTheDocument();
  });
});

const ACCOUNT = { customerId: HER.id, balance: 1200, value: cny(1200), lots: [], expiringSoon: { withinDays: 30, points: 0, earliestExpiry: null } };

/** Her tab as `roles` see it, the membership answering `membership` (changed by the test to see the refresh). */
function membershipApi(roles: Parameters<typeof me>[0], membership: () => Membership = () => MEMBERSHIP) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', `/api/v1/customers/${HER.id}`, json(HER, 200, { ETag: '"1"' }))
    .on('GET', `/api/v1/customers/${HER.id}/membership`, () => json(membership()))
    .on('GET', '/api/v1/membership/tiers', json({ basis: 'LIFETIME', tiers: [PUKA, YINKA], version: 1 }, 200, { ETag: '"1"' }))
    .on('GET', `/api/v1/points/accounts/${HER.id}`, ACCOUNT)
    .on('GET', `/api/v1/points/accounts/${HER.id}/entries`, { items: [], nextCursor: null });
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(user: ReturnType<typeof userEvent.setup>, picker: HTMLElement, date: string) {
  const input = (picker.tagName === 'INPUT' ? picker : picker.querySelector('input'))!;
  await user.click(input);
  fireEvent.change(input, { target: { value: date } });
  await user.keyboard('{Enter}');
}

const OVERRIDDEN: Membership = {
  ...MEMBERSHIP,
  tier: YINKA,
  source: 'OVERRIDE',
  override: { tier: YINKA, reason: '老客户补偿', until: '2027-06-30T23:59:59+08:00', by: 'kc-user-1', at: '2026-11-01T10:00:00+08:00' },
} as Membership;

describe('Setting a tier by hand', () => {
  it.each([['manager'], ['consultant'], ['front-desk'], ['clinician']] as const)('is not offered to %s', async (role) => {
    const user = userEvent.setup();
    renderApp(membershipApi([role], () => OVERRIDDEN), { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '会员与积分' }));
    await screen.findByTestId('tier-card');
    expect(screen.queryByTestId('tier-override-set')).not.toBeInTheDocument();
    expect(screen.queryByTestId('tier-override-end')).not.toBeInTheDocument();
  });

  it('sends the chosen tier, reason and end of the chosen day, then reads her membership again', async () => {
    const user = userEvent.setup();
    let current = MEMBERSHIP;
    const api = membershipApi(['tenant-admin'], () => current).on('POST', `/api/v1/customers/${HER.id}/membership/override`, () => {
      current = OVERRIDDEN;
      return json(OVERRIDDEN);
    });
    renderApp(api, { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '会员与积分' }));
    expect(screen.queryByTestId('tier-override-end')).not.toBeInTheDocument();
    await user.click(await screen.findByTestId('tier-override-set'));
    const form = await screen.findByTestId('tier-override-form');
    await user.click(within(await within(form).findByTestId('tier-override-tier')).getByRole('combobox'));
    await user.click(await screen.findByTitle('银卡'));
    await fill(user, within(form).getByTestId('tier-override-reason'), '老客户补偿');
    await pickDate(user, within(form).getByTestId('tier-override-until'), '2099-06-30');
    await user.click(screen.getByTestId('tier-override-form-submit'));

    await waitFor(() => expect(api.calls('POST', `/api/v1/customers/${HER.id}/membership/override`)).toHaveLength(1));
    const body = api.calls('POST', `/api/v1/customers/${HER.id}/membership/override`)[0].body as { tierId: string; reason: string; until: string };
    expect(body.tierId).toBe(YINKA.id);
    expect(body.reason).toBe('老客户补偿');
    expect(dayjs(body.until).format('YYYY-MM-DD HH:mm:ss')).toBe('2099-06-30 23:59:59');
    expect(await screen.findByTestId('tier-override')).toHaveTextContent('手动指定为「银卡」');
    expect(within(screen.getByTestId('tier-card')).getByTestId('tier-name')).toHaveTextContent('银卡');
    expect(api.calls('GET', `/api/v1/customers/${HER.id}/membership`).length).toBeGreaterThanOrEqual(2);
  });

  it('shows the server’s field errors on the form', async () => {
    const user = userEvent.setup();
    const api = membershipApi(['tenant-admin']).on(
      'POST',
      `/api/v1/customers/${HER.id}/membership/override`,
      problem(400, { title: 'Bad Request', errors: [{ field: 'until', message: 'must be in the future' }] }),
    );
    renderApp(api, { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '会员与积分' }));
    await user.click(await screen.findByTestId('tier-override-set'));
    const form = await screen.findByTestId('tier-override-form');
    await user.click(within(await within(form).findByTestId('tier-override-tier')).getByRole('combobox'));
    await user.click(await screen.findByTitle('普卡'));
    await fill(user, within(form).getByTestId('tier-override-reason'), '补偿');
    await pickDate(user, within(form).getByTestId('tier-override-until'), '2099-01-31');
    await user.click(screen.getByTestId('tier-override-form-submit'));
    expect(await within(form).findByText('must be in the future')).toBeInTheDocument();
    expect(screen.getByTestId('tier-override-form')).toBeInTheDocument();
  });

  it('ends an override with a reason, shows a 409, and reads her membership again after success', async () => {
    const user = userEvent.setup();
    let current = OVERRIDDEN;
    let conflict = true;
    const api = membershipApi(['tenant-admin'], () => current).on('DELETE', `/api/v1/customers/${HER.id}/membership/override`, () => {
      if (conflict) {
        conflict = false;
        return problem(409, { title: 'Conflict', detail: 'She has no active override' });
      }
      current = MEMBERSHIP;
      return json(MEMBERSHIP);
    });
    renderApp(api, { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '会员与积分' }));
    await user.click(await screen.findByTestId('tier-override-end'));
    const form = await screen.findByTestId('tier-override-end-form');
    await fill(user, within(form).getByTestId('tier-override-end-reason'), '误操作');
    await user.click(screen.getByTestId('tier-override-end-form-submit'));
    expect(await screen.findByTestId('tier-override-end-form-error')).toHaveTextContent('She has no active override');
    await user.click(screen.getByTestId('tier-override-end-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('tier-override')).not.toBeInTheDocument());
    const calls = api.calls('DELETE', `/api/v1/customers/${HER.id}/membership/override`);
    expect(calls).toHaveLength(2);
    expect(calls[1].query.get('reason')).toBe('误操作');
    expect(within(screen.getByTestId('tier-card')).getByTestId('tier-name')).toHaveTextContent('普卡');
  });
});
