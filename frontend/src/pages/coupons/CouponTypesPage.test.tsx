import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { couponType } from '../../test/couponFixtures';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const CASH = couponType(1);

function adminApi(types: () => unknown[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/coupons/types', () => json({ items: types(), nextCursor: null }));
}

describe('Coupon types', () => {
  it('adds a cash voucher with its amount and minimum spend in fen, and lists what it takes off', async () => {
    const user = userEvent.setup();
    let saved: unknown[] = [];
    const api = adminApi(() => saved).on('POST', '/api/v1/coupons/types', () => {
      saved = [CASH];
      return json(CASH, 201, { ETag: '"0"' });
    });
    renderApp(api, { path: '/settings/coupon-types' });

    await user.click(await screen.findByTestId('add-coupon-type'));
    await fill(user, await screen.findByTestId('coupon-type-code'), 'CASH-1');
    await fill(user, screen.getByTestId('coupon-type-name'), '满减券1');
    await fill(user, screen.getByTestId('coupon-type-amount-off'), '200');
    await fill(user, screen.getByTestId('coupon-type-min-spend'), '1000');
    await user.click(screen.getByTestId('coupon-type-submit'));

    expect(await screen.findByTestId('coupon-terms-CASH-1')).toHaveTextContent('减 ¥200.00 · 满 ¥1,000.00');
    expect(api.calls('POST', '/api/v1/coupons/types')[0].body).toEqual({
      code: 'CASH-1',
      name: '满减券1',
      kind: 'CASH_VOUCHER',
      amountOff: { amount: 20_000, currency: 'CNY' },
      minSpend: { amount: 100_000, currency: 'CNY' },
      validDays: 90,
      stacking: 'EXCLUSIVE',
      allItems: true,
      categories: [],
    });
  });

  it('archives with If-Match, and shows a code already used on its field', async () => {
    const user = userEvent.setup();
    const api = adminApi(() => [CASH])
      .on('PATCH', '/api/v1/coupons/types/{typeId}', json({ ...CASH, active: false, version: 1 }))
      .on('POST', '/api/v1/coupons/types', problem(400, { title: 'Invalid request', errors: [{ field: 'code', message: 'is already used' }] }));
    renderApp(api, { path: '/settings/coupon-types' });

    await user.click(await screen.findByTestId('toggle-coupon-type-CASH-1'));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    expect(await screen.findByText('「满减券1」已停用')).toBeInTheDocument();
    const patch = api.calls('PATCH', `/api/v1/coupons/types/${CASH.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"0"');
    expect(patch.body).toEqual({ active: false });

    await user.click(screen.getByTestId('add-coupon-type'));
    await fill(user, await screen.findByTestId('coupon-type-code'), 'CASH-1');
    await fill(user, screen.getByTestId('coupon-type-name'), '又一张');
    await fill(user, screen.getByTestId('coupon-type-amount-off'), '50');
    await user.click(screen.getByTestId('coupon-type-submit'));
    expect(await within(screen.getByTestId('coupon-type-form')).findByText('is already used')).toBeInTheDocument();
  });
});
