import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json } from '../../test/fakeApi';
import { catalogItem, clinic, me, order, orderLine, pointsRules } from '../../test/fixtures';
import { comboTemplate, HER } from '../../test/packFixtures';
import { renderApp } from '../../test/renderApp';

type Order = components['schemas']['Order'];
type OrderLine = components['schemas']['OrderLine'];
type User = ReturnType<typeof userEvent.setup>;

const CLINIC = clinic(1);
const HA = catalogItem(1, { name: '玻尿酸填充' });
const COMBO = comboTemplate();
const PACK_IDS = ['01900000-0000-7000-8000-0000000b0a01', '01900000-0000-7000-8000-0000000b0a02'];

/** Two packs of the combo, priced by the server at the template's price less the 银卡 5%. */
function packLine(lineNo: number, packIds: string[] = []): OrderLine {
  const priced = orderLine(lineNo, catalogItem(99, { name: COMBO.name, listPrice: COMBO.price }), { quantity: 2, tierPercent: 5 });
  return { ...priced, kind: 'PACK', itemId: null, packTemplateId: COMBO.id, category: null, packIds };
}

const DRAFT = order(1, HER, [orderLine(1, HA), packLine(2)], { tierName: '银卡' });

function tillApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['front-desk'], { allClinics: false, clinicIds: [CLINIC.id] }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [HA], nextCursor: null })
    .on('GET', '/api/v1/session-packs/templates', { items: [COMBO], nextCursor: null })
    .on('GET', '/api/v1/points/rules', json(pointsRules({ allowTender: false }), 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/customers', { items: [HER], nextCursor: null });
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]);
}

describe('Selling packs at the till', () => {
  it('sends a pack line as packTemplateId beside the items, shows the server’s prices, and links the packs made on payment', async () => {
    const user = userEvent.setup();
    const paid: Order = {
      ...DRAFT,
      status: 'PAID',
      paidAt: '2026-11-23T10:05:00+08:00',
      lines: [DRAFT.lines[0], packLine(2, PACK_IDS)],
      tenders: [{ tenderNo: 1, method: 'CASH', amount: DRAFT.total, refunded: { amount: 0, currency: 'CNY' }, storedValuePrincipal: null, storedValueBonus: null }],
    };
    const api = tillApi()
      .on('POST', '/api/v1/orders', json(DRAFT, 201, { ETag: '"0"' }))
      .on('POST', '/api/v1/orders/{id}/pay', json(paid, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/pos' });

    await user.type(within(await screen.findByTestId('pos-customer')).getByRole('combobox'), 'hyt');
    await user.click(await screen.findByTitle('何雨桐 · 13800001009'));
    await pick(user, 'pos-clinic', CLINIC.name);
    await pick(user, 'pos-line-item-0', HA.name);
    await user.click(screen.getByTestId('pos-add-pack'));
    await pick(user, 'pos-line-pack-1', COMBO.name);
    // The template's price is what the line costs unless another is typed.
    expect(within(screen.getByTestId('pos-line-1')).getByTestId('pos-line-price-1')).toHaveAttribute('placeholder', '6800.00');
    await user.type(screen.getByTestId('pos-line-quantity-1'), '{Backspace}2');
    await user.click(screen.getByTestId('pos-price'));

    const priced = await screen.findByTestId('pos-priced-lines');
    expect(api.calls('POST', '/api/v1/orders')[0].body).toEqual({
      customerId: HER.id,
      clinicId: CLINIC.id,
      lines: [
        { itemId: HA.id, quantity: 1 },
        { packTemplateId: COMBO.id, quantity: 2 },
      ],
    });
    expect(within(priced).getByText('疗程卡')).toBeInTheDocument();
    expect(screen.getByTestId('pos-priced-lines-tier-2')).toHaveTextContent('¥680.00');
    expect(screen.getByTestId('pos-priced-lines-net-2')).toHaveTextContent('¥12,920.00');
    expect(screen.getByTestId('order-total')).toHaveTextContent('¥19,720.00');

    await user.click(screen.getByTestId('pos-add-tender'));
    await waitFor(() => expect(screen.getByTestId('pos-pay')).toBeEnabled());
    await user.click(screen.getByTestId('pos-pay'));

    const receipt = await screen.findByTestId('receipt-lines');
    for (const [i, packId] of PACK_IDS.entries()) {
      const link = within(receipt).getByTestId(`pack-link-${packId}`);
      expect(link).toHaveTextContent(`疗程卡 ${i + 1}`);
      expect(link).toHaveAttribute('href', `/customers/${HER.id}?tab=packs&pack=${packId}`);
    }
  });

  it('resumes a draft with a pack line as a pack line', async () => {
    const api = tillApi().on('GET', '/api/v1/orders/{id}', json(DRAFT, 200, { ETag: '"0"' }));
    renderApp(api, { path: `/pos?order=${DRAFT.id}` });
    await waitFor(() => expect(screen.getByTestId('pos-line-pack-1')).toHaveTextContent(COMBO.name));
    expect(screen.getByTestId('pos-line-item-0')).toHaveTextContent(HA.name);
  });

  it('leaves pack lines out of an order refund: their unused sessions are refunded from her packs', async () => {
    const user = userEvent.setup();
    const paid: Order = { ...DRAFT, status: 'PAID', paidAt: '2026-11-23T10:05:00+08:00', lines: [DRAFT.lines[0], packLine(2, PACK_IDS)] };
    const api = tillApi()
      .on('GET', '/api/v1/me', me(['manager']))
      .on('GET', '/api/v1/orders/{id}', json(paid, 200, { ETag: '"1"' }));
    renderApp(api, { path: `/orders/${paid.id}` });
    await user.click(await screen.findByTestId('order-refund'));
    expect(await screen.findByTestId('refund-packs-elsewhere')).toBeInTheDocument();
    expect(screen.getByTestId('refund-max-1')).toBeInTheDocument();
    expect(screen.queryByTestId('refund-max-2')).not.toBeInTheDocument();
  });
});
