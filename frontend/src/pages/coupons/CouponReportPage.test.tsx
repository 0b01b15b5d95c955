import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const cny = (amount: number) => ({ amount, currency: 'CNY' });

function apiFor(report: Response) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['manager']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/coupons/report', report);
}

describe('Coupon report', () => {
  it('shows per type how many were issued, used, expired and voided, the discount and the revenue', async () => {
    const user = userEvent.setup();
    const api = apiFor(
      json({
        items: [
          { couponTypeId: 't1', code: 'CASH-200', name: '满减券', kind: 'CASH_VOUCHER', issued: 10, outstanding: 4, redeemed: 3, expired: 2, voided: 1, discountGiven: cny(60_000), revenue: cny(540_000) },
        ],
      }),
    );
    renderApp(api, { path: '/overview' });
    await user.click(await screen.findByTestId('nav-couponReport'));

    const table = await screen.findByTestId('coupon-report-table');
    expect(await within(table).findByTestId('coupon-revenue-CASH-200')).toHaveTextContent('¥5,400.00');
    const row = within(table).getByText('满减券').closest('tr')!;
    expect(Array.from(row.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['满减券', '现金券', '10', '4', '3', '2', '1', '¥600.00', '¥5,400.00']);
  });

  it('says what went wrong when the report cannot be read', async () => {
    renderApp(apiFor(problem(503, { title: 'Unavailable' })), { path: '/reports/coupons' });
    expect(await screen.findByTestId('coupon-report-error')).toBeInTheDocument();
  });
});
