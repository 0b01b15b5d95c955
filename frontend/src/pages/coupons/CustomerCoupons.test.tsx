import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coupon, couponType } from '../../test/couponFixtures';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, customer, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { currentMonth } from './couponQueries';

type User = ReturnType<typeof userEvent.setup>;
type Role = Parameters<typeof me>[0][number];

const ZHANG = customer(1, { name: '张三', version: 1 });
const GIFT = couponType(1, { name: '体验券', kind: 'EXPERIENCE_VOUCHER', amountOff: null, faceValue: { amount: 30_000, currency: 'CNY' } });
const STAFF_ID = me(['consultant']).staffId!;
const cny = (amount: number) => ({ amount, currency: 'CNY' });

function apiFor(roles: Role[], coupons: () => unknown[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/customers/{id}', json(ZHANG, 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/coupons/types', { items: [GIFT], nextCursor: null })
    .on('GET', '/api/v1/coupons', () => json({ items: coupons(), nextCursor: null }))
    .on('GET', '/api/v1/coupons/gift-budgets/{staffId}/{month}', (_req, m) =>
      json({ staffId: m[1], staffName: '王咨询', month: m[2], amount: cny(100_000), used: cny(80_000), remaining: cny(20_000), version: 4 }),
    );
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]);
}

async function openTab(user: User) {
  await user.click(await screen.findByRole('tab', { name: '优惠券' }));
}

describe('A customer’s coupons', () => {
  it('lets a consultant gift one from her budget, showing what is left of it, and says so when it is not enough', async () => {
    const user = userEvent.setup();
    const api = apiFor(['consultant'], () => []).on(
      'POST',
      '/api/v1/coupons',
      problem(422, { type: 'https://meike.app/problems/insufficient-balance', title: 'Balance too low', detail: 'only 20000 of your gift budget is left' }),
    );
    renderApp(api, { path: `/customers/${ZHANG.id}` });
    await openTab(user);
    expect(await screen.findByTestId('customer-coupons-empty')).toBeInTheDocument();

    await user.click(screen.getByTestId('issue-coupon'));
    expect(await screen.findByTestId('issue-coupon-budget')).toHaveTextContent('本月赠券额度剩余 ¥200.00');
    expect(api.calls('GET', `/api/v1/coupons/gift-budgets/${STAFF_ID}/${currentMonth('Asia/Shanghai')}`)).toHaveLength(1);
    await pick(user, 'issue-coupon-type', '体验券 · ¥300.00');
    await user.click(screen.getByTestId('issue-coupon-submit'));

    expect(await screen.findByText(/only 20000 of your gift budget is left/)).toBeInTheDocument();
    const post = api.calls('POST', '/api/v1/coupons')[0];
    expect(post.body).toEqual({ customerId: ZHANG.id, couponTypeId: GIFT.id, source: 'CONSULTANT_GIFT' });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists her coupons with their status, and lets a manager void one with a reason', async () => {
    const user = userEvent.setup();
    const usable = coupon(1, GIFT, ZHANG.id);
    const used = coupon(2, GIFT, ZHANG.id, { status: 'REDEEMED', orderId: '01900000-0000-7000-8000-0000000f0001', redeemedAt: '2026-12-02T10:00:00+08:00', discount: cny(30_000) });
    let coupons = [usable, used];
    const api = apiFor(['manager'], () => coupons).on('POST', '/api/v1/coupons/{couponId}/void', () => {
      coupons = [{ ...usable, status: 'VOIDED', voidedAt: '2026-12-02T11:00:00+08:00', voidReason: '客户拒收' }, used];
      return json(coupons[0]);
    });
    renderApp(api, { path: `/customers/${ZHANG.id}` });
    await openTab(user);

    expect(await screen.findByTestId(`coupon-status-${usable.id}`)).toHaveTextContent('可使用');
    expect(screen.getByTestId(`coupon-status-${used.id}`)).toHaveTextContent('已使用');
    expect(screen.queryByTestId(`void-coupon-${used.id}`)).not.toBeInTheDocument();
    await user.click(screen.getByTestId(`void-coupon-${usable.id}`));
    await fill(user, await screen.findByTestId('void-coupon-reason'), '客户拒收');
    await user.click(screen.getByTestId('void-coupon-submit'));

    await waitFor(() => expect(screen.getByTestId(`coupon-status-${usable.id}`)).toHaveTextContent('已作废'));
    const voided = api.calls('POST', `/api/v1/coupons/${usable.id}/void`)[0];
    expect(voided.body).toEqual({ reason: '客户拒收' });
    expect(voided.headers.get('Idempotency-Key')).toBeTruthy();
  });
});
