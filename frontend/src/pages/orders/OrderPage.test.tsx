import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json } from '../../test/fakeApi';
import { catalogItem, clinic, customer, me, order, orderLine } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

type Order = components['schemas']['Order'];
type Role = components['schemas']['Role'];

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const HA = catalogItem(1, { name: '玻尿酸 1ml' });
const PHOTO = catalogItem(2, { name: 'M22 光子嫩肤', category: 'SKIN', listPrice: cny(300000) });
const HEYUTONG = customer(9, { name: '何雨桐' });
/** Paid ¥9,460 (cash ¥6,000 + WeChat ¥3,460); ¥1,000 of the photo line was refunded before. */
const PAID: Order = order(
  3,
  HEYUTONG,
  [orderLine(1, HA, { tierPercent: 5 }), orderLine(2, PHOTO, { refunded: cny(100000) })],
  {
    status: 'PARTIALLY_REFUNDED',
    paidAt: '2026-11-23T10:05:00+08:00',
    tierName: '银卡',
    pointsEarned: 9460,
    tenders: [
      { tenderNo: 1, method: 'CASH', amount: cny(600000), refunded: cny(100000), storedValuePrincipal: null, storedValueBonus: null },
      { tenderNo: 2, method: 'WECHAT_PAY', amount: cny(346000), refunded: cny(0), storedValuePrincipal: null, storedValueBonus: null },
    ],
  },
);

function orderApi(roles: Role[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', `/api/v1/orders/${PAID.id}`, json(PAID, 200, { ETag: '"2"' }));
}

describe('Order page', () => {
  it('refunds line amounts up to what is left of each, split over tenders that must add up, and shows the result', async () => {
    const user = userEvent.setup();
    const after: Order = {
      ...PAID,
      status: 'REFUNDED',
      refunds: [
        {
          id: '01900000-0000-7000-8000-0000000fa001',
          refundedAt: '2026-11-23T11:00:00+08:00',
          refundedBy: 'kc-user-1',
          reason: '效果不满意',
          amount: cny(846000),
          moneyReturned: cny(841400),
          lines: [
            { lineNo: 1, amount: cny(646000) },
            { lineNo: 2, amount: cny(200000) },
          ],
          tenders: [
            { tenderNo: 1, method: 'CASH', amount: cny(500000), storedValuePrincipal: null, storedValueBonus: null },
            { tenderNo: 2, method: 'WECHAT_PAY', amount: cny(341400), storedValuePrincipal: null, storedValueBonus: null },
          ],
          pointsReversed: 8000,
          pointsShortfall: 460,
          shortfallAmount: cny(4600),
        },
      ],
    };
    const api = orderApi(['manager']).on('POST', '/api/v1/orders/{id}/refunds', json(after, 201));
    renderApp(api, { path: `/orders/${PAID.id}` });

    await user.click(await screen.findByTestId('order-refund'));
    const dialog = await screen.findByTestId('refund-form');
    // The most each line can give back: its net less what was refunded of it.
    expect(within(dialog).getByTestId('refund-max-1')).toHaveTextContent('最多可退 ¥6,460.00');
    expect(within(dialog).getByTestId('refund-max-2')).toHaveTextContent('最多可退 ¥2,000.00');
    const submit = screen.getByTestId('refund-form-submit');
    expect(submit).toBeDisabled();

    await fill(user, within(dialog).getByTestId('refund-line-2'), '2500');
    await fill(user, within(dialog).getByTestId('refund-reason'), '效果不满意');
    await user.click(submit);
    expect(await within(dialog).findByText('不能超过 ¥2,000.00')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/orders/${PAID.id}/refunds`)).toHaveLength(0);

    await user.clear(within(dialog).getByTestId('refund-line-2'));
    await fill(user, within(dialog).getByTestId('refund-line-2'), '2000');
    await user.click(within(dialog).getByTestId('refund-line-all-1'));
    await waitFor(() => expect(submit).toHaveTextContent('退款 ¥8,460.00'));

    // Naming the tenders: they must add up to the lines, each at most what it can still give back.
    await user.click(within(dialog).getByTestId('refund-split'));
    expect(await within(dialog).findByTestId('refund-split-mismatch')).toBeInTheDocument();
    expect(submit).toBeDisabled();
    await fill(user, within(dialog).getByTestId('refund-tender-1'), '5000');
    await fill(user, within(dialog).getByTestId('refund-tender-2'), '3460');
    await waitFor(() => expect(within(dialog).queryByTestId('refund-split-mismatch')).not.toBeInTheDocument());
    await user.click(submit);

    const result = await screen.findByTestId('refund-result');
    const [request] = api.calls('POST', `/api/v1/orders/${PAID.id}/refunds`);
    expect(request.headers.get('Idempotency-Key')).toBeTruthy();
    expect(request.body).toEqual({
      reason: '效果不满意',
      lines: [
        { lineNo: 1, amount: cny(646000) },
        { lineNo: 2, amount: cny(200000) },
      ],
      tenders: [
        { tenderNo: 1, amount: cny(500000) },
        { tenderNo: 2, amount: cny(346000) },
      ],
    });
    expect(within(result).getByTestId('refund-result-money')).toHaveTextContent('¥8,414.00');
    expect(within(result).getByTestId('refund-result-points')).toHaveTextContent('8000');
    expect(within(result).getByTestId('refund-result-shortfall')).toHaveTextContent('460 积分已被使用，折合 ¥46.00 已从退款中扣除');
  });

  it('offers refunds only to chain admins and managers', async () => {
    const api = orderApi(['consultant']);
    renderApp(api, { path: `/orders/${PAID.id}` });
    expect(await screen.findByTestId('order-number')).toHaveTextContent(PAID.number);
    expect(screen.getByTestId('receipt-number')).toHaveTextContent(PAID.number);
    expect(screen.queryByTestId('order-refund')).not.toBeInTheDocument();
  });
});
