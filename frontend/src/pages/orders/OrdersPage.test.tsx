import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json } from '../../test/fakeApi';
import { catalogItem, clinic, customer, me, order, orderLine } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

const HA = catalogItem(1, { name: '玻尿酸 1ml' });
const HEYUTONG = customer(9, { name: '何雨桐', phone: '13800001009' });
const PAID = order(1, HEYUTONG, [orderLine(1, HA)], { status: 'PAID', paidAt: '2026-11-23T10:05:00+08:00' });
const DRAFT = order(2, HEYUTONG, [orderLine(1, HA)]);

function ordersApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['front-desk']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/orders', { items: [PAID, DRAFT], nextCursor: null })
    .on('GET', `/api/v1/orders/${DRAFT.id}`, json(DRAFT, 200, { ETag: '"0"' }))
    .on('GET', '/api/v1/customers', (req) =>
      json({ items: new URL(req.url).searchParams.get('q') === 'hyt' ? [HEYUTONG] : [], nextCursor: null }),
    );
}

describe('Orders', () => {
  it('lists orders and sends the customer, clinic and status filters to the API', async () => {
    const user = userEvent.setup();
    const api = ordersApi();
    renderApp(api, { path: '/orders' });
    const table = await screen.findByTestId('orders-table');
    expect(await within(table).findByTestId(`order-link-${PAID.id}`)).toHaveTextContent(PAID.number);
    expect(within(table).getAllByTestId('order-status').map((x) => x.textContent)).toEqual(['已付款', '草稿']);

    await user.type(within(screen.getByTestId('orders-filter-customer')).getByRole('combobox'), 'hyt');
    await user.click(await screen.findByTitle('何雨桐 · 13800001009'));
    await user.click(within(screen.getByTestId('orders-filter-clinic')).getByRole('combobox'));
    await user.click(await screen.findByTitle(clinic(2).name));
    await user.click(within(screen.getByTestId('orders-filter-status')).getByRole('combobox'));
    await user.click(await screen.findByTitle('已付款'));
    await waitFor(() => {
      const last = api.calls('GET', '/api/v1/orders').at(-1)!;
      expect(Object.fromEntries(last.query)).toMatchObject({ customerId: HEYUTONG.id, clinicId: clinic(2).id, status: 'PAID' });
    });
  });

  it('voids a draft with a reason', async () => {
    const user = userEvent.setup();
    const api = ordersApi().on('POST', '/api/v1/orders/{id}/void', json({ ...DRAFT, status: 'VOID', voidReason: '客户改约' }));
    renderApp(api, { path: `/orders/${DRAFT.id}` });
    expect(await screen.findByTestId('order-resume')).toBeInTheDocument();
    await user.click(screen.getByTestId('order-void'));
    await fill(user, await screen.findByTestId('void-reason'), '客户改约');
    await user.click(screen.getByTestId('void-form-submit'));
    await waitFor(() => expect(api.calls('POST', `/api/v1/orders/${DRAFT.id}/void`)).toHaveLength(1));
    expect(api.calls('POST', `/api/v1/orders/${DRAFT.id}/void`)[0].body).toEqual({ reason: '客户改约' });
  });
});
