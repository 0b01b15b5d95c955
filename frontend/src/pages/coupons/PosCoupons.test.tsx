import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coupon, couponType } from '../../test/couponFixtures';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { catalogItem, clinic, customer, me, order, orderLine, pointsRules } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type User = ReturnType<typeof userEvent.setup>;

const CLINIC = clinic(1);
const HA = catalogItem(1, { name: '玻尿酸 1ml' });
const HEYUTONG = customer(9, { name: '何雨桐', phone: '13800001009' });
const CASH = couponType(1);
const HER_COUPON = coupon(1, CASH, HEYUTONG.id);
const line = orderLine(1, HA);
/** ¥6,800 − the voucher's ¥200. */
const DRAFT = order(1, HEYUTONG, [{ ...line, couponDiscount: { amount: 20_000, currency: 'CNY' }, net: { amount: line.net.amount - 20_000, currency: 'CNY' } }], {
  coupons: [{ couponId: HER_COUPON.id, couponTypeId: CASH.id, name: CASH.name, kind: 'CASH_VOUCHER', discount: { amount: 20_000, currency: 'CNY' } }],
});

function posApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['front-desk']))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [HA], nextCursor: null })
    .on('GET', '/api/v1/points/rules', json(pointsRules(), 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/points/accounts/{id}', { customerId: HEYUTONG.id, balance: 0, value: { amount: 0, currency: 'CNY' }, lots: [], expiringSoon: { withinDays: 30, points: 0, earliestExpiry: null } })
    .on('GET', '/api/v1/coupons', { items: [HER_COUPON], nextCursor: null })
    .on('GET', '/api/v1/customers', (req) => json({ items: new URL(req.url).searchParams.get('q') === 'hyt' ? [HEYUTONG] : [], nextCursor: null }));
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

async function saleWithCoupon(user: User) {
  await user.type(within(await screen.findByTestId('pos-customer')).getByRole('combobox'), 'hyt');
  await user.click(await screen.findByTitle('何雨桐 · 13800001009'));
  await pick(user, 'pos-clinic', CLINIC.name);
  await pick(user, 'pos-line-item-0', HA.name);
  await pick(user, 'pos-coupons', '满减券1 · 2027-03-01');
  await user.click(screen.getByTestId('pos-price'));
}

describe('Coupons at the till', () => {
  it('applies the customer’s coupon to the draft and shows what it takes off', async () => {
    const user = userEvent.setup();
    const api = posApi().on('POST', '/api/v1/orders', json(DRAFT, 201, { ETag: '"0"' }));
    renderApp(api, { path: '/pos' });
    await saleWithCoupon(user);

    expect(await screen.findByTestId(`pos-coupon-${HER_COUPON.id}`)).toHaveTextContent('满减券1: −¥200.00');
    expect(screen.getByTestId('pos-priced-lines-coupon-1')).toHaveTextContent('−¥200.00');
    expect(api.calls('GET', '/api/v1/coupons')[0].query.get('status')).toBe('ISSUED');
    expect(api.calls('POST', '/api/v1/orders')[0].body).toMatchObject({ customerId: HEYUTONG.id, couponIds: [HER_COUPON.id] });
    expect(screen.getByTestId('order-total')).toHaveTextContent('¥6,600.00');
  });

  it('says why a coupon cannot apply', async () => {
    const user = userEvent.setup();
    const api = posApi().on(
      'POST',
      '/api/v1/orders',
      problem(400, { title: 'Invalid request', errors: [{ field: 'couponIds[0]', message: 'needs the items it applies to to come to at least 100000' }] }),
    );
    renderApp(api, { path: '/pos' });
    await saleWithCoupon(user);
    expect(await screen.findByTestId('pos-sale-error')).toHaveTextContent('at least 100000');
  });
});
