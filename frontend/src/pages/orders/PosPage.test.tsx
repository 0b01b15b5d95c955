import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { catalogItem, clinic, colleague, customer, me, order, orderLine, pointsRules, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';
import { cny, svAccount, svLot } from '../../test/walletFixtures';

type Order = components['schemas']['Order'];
type User = ReturnType<typeof userEvent.setup>;

const CLINIC = clinic(1);
const HA = catalogItem(1, { name: '玻尿酸 1ml' });
const PHOTO = catalogItem(2, { name: 'M22 光子嫩肤', category: 'SKIN', listPrice: { amount: 300000, currency: 'CNY' } });
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const HEYUTONG = customer(9, { name: '何雨桐', phone: '13800001009' });
/** 银卡 members get 5% off: ¥6,800 − ¥340 = ¥6,460. */
const DRAFT = order(1, HEYUTONG, [orderLine(1, HA, { tierPercent: 5 })], { tierName: '银卡' });
const RULES = pointsRules();
const ACCOUNT = {
  customerId: HEYUTONG.id,
  balance: 1200,
  value: { amount: 1200, currency: 'CNY' },
  lots: [],
  expiringSoon: { withinDays: 30, points: 0, earliestExpiry: null },
};

function posApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['front-desk'], { allClinics: false, clinicIds: [CLINIC.id] }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [CONSULTANT].map(colleague), nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [HA, PHOTO], nextCursor: null })
    .on('GET', '/api/v1/points/rules', json(RULES, 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/points/accounts/{id}', ACCOUNT)
    .on('GET', '/api/v1/customers', (req) =>
      json({ items: new URL(req.url).searchParams.get('q') === 'hyt' ? [HEYUTONG] : [], nextCursor: null }),
    );
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

async function setAmount(user: User, testId: string, text: string) {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await fill(user, input, text);
}

/** Customer, clinic and one item, then "open and price". */
async function openDraft(user: User) {
  await user.type(within(await screen.findByTestId('pos-customer')).getByRole('combobox'), 'hyt');
  await user.click(await screen.findByTitle('何雨桐 · 13800001009'));
  await pick(user, 'pos-clinic', CLINIC.name);
  await pick(user, 'pos-line-item-0', HA.name);
  await user.click(screen.getByTestId('pos-price'));
  await screen.findByTestId('pos-priced-lines');
}

describe('Point of sale', () => {
  it('prices a draft on the server, and enables paying only when the tenders equal the total', async () => {
    const user = userEvent.setup();
    const paid: Order = {
      ...DRAFT,
      status: 'PAID',
      paidAt: '2026-11-23T10:05:00+08:00',
      pointsEarned: 6460,
      tenders: [
        { tenderNo: 1, method: 'CASH', amount: { amount: 600000, currency: 'CNY' }, refunded: { amount: 0, currency: 'CNY' }, storedValuePrincipal: null, storedValueBonus: null },
        { tenderNo: 2, method: 'WECHAT_PAY', amount: { amount: 46000, currency: 'CNY' }, refunded: { amount: 0, currency: 'CNY' }, storedValuePrincipal: null, storedValueBonus: null },
      ],
    };
    const api = posApi()
      .on('POST', '/api/v1/orders', json(DRAFT, 201, { ETag: '"0"' }))
      .on('POST', '/api/v1/orders/{id}/pay', json(paid, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/pos' });

    await openDraft(user);
    expect(api.calls('POST', '/api/v1/orders')[0].body).toEqual({ customerId: HEYUTONG.id, clinicId: CLINIC.id, lines: [{ itemId: HA.id, quantity: 1 }] });
    // The tier discount is the server's: shown per line, and in the total.
    expect(screen.getByTestId('pos-priced-lines-tier-1')).toHaveTextContent('¥340.00');
    expect(screen.getByTestId('pos-tier')).toHaveTextContent('银卡');
    expect(screen.getByTestId('order-total')).toHaveTextContent('¥6,460.00');

    const pay = screen.getByTestId('pos-pay');
    expect(pay).toBeDisabled();
    expect(screen.getByTestId('pos-remaining')).toHaveTextContent('还需收取¥6,460.00');

    // A new tender offers what is still to take.
    await user.click(screen.getByTestId('pos-add-tender'));
    await waitFor(() => expect(screen.getByTestId('pos-tender-amount-0')).toHaveValue('6460.00'));
    await waitFor(() => expect(pay).toBeEnabled());

    // Short: no paying.
    await setAmount(user, 'pos-tender-amount-0', '6000');
    await waitFor(() => expect(pay).toBeDisabled());
    expect(screen.getByTestId('pos-remaining')).toHaveTextContent('还需收取¥460.00');

    // Too much: no paying either.
    await setAmount(user, 'pos-tender-amount-0', '7000');
    await waitFor(() => expect(screen.getByTestId('pos-remaining')).toHaveTextContent('多收了¥540.00'));
    expect(pay).toBeDisabled();

    await setAmount(user, 'pos-tender-amount-0', '6000');
    await user.click(screen.getByTestId('pos-add-tender'));
    await waitFor(() => expect(screen.getByTestId('pos-tender-amount-1')).toHaveValue('460.00'));
    // Points: her balance and its worth; ¥12 of points cannot pay ¥460.
    await pick(user, 'pos-tender-method-1', '积分抵扣');
    expect(await screen.findByTestId('pos-points-balance')).toHaveTextContent('可用积分 1200（价值 ¥12.00）');
    expect(screen.getByTestId('pos-points-balance')).toHaveTextContent('积分不足');
    expect(pay).toBeDisabled();

    await pick(user, 'pos-tender-method-1', '微信支付');
    await waitFor(() => expect(pay).toBeEnabled());
    await user.click(pay);

    expect(await screen.findByTestId('order-receipt')).toBeInTheDocument();
    const [request] = api.calls('POST', `/api/v1/orders/${DRAFT.id}/pay`);
    expect(request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.body).toEqual({
      tenders: [
        { method: 'CASH', amount: { amount: 600000, currency: 'CNY' } },
        { method: 'WECHAT_PAY', amount: { amount: 46000, currency: 'CNY' } },
      ],
    });
    expect(screen.getByTestId('receipt-number')).toHaveTextContent(DRAFT.number);
    expect(screen.getByTestId('receipt-points')).toHaveTextContent('6460');
    expect(screen.getByTestId('receipt-tier')).toHaveTextContent('银卡');
    expect(within(screen.getByTestId('receipt-tenders')).getByText(/微信支付/)).toHaveTextContent('¥460.00');
  });

  it('prices changes again with If-Match, and will not take payment for prices that are out of date', async () => {
    const user = userEvent.setup();
    const two = order(1, HEYUTONG, [orderLine(1, HA, { quantity: 2, tierPercent: 5 })], { tierName: '银卡', version: 1 });
    const api = posApi()
      .on('POST', '/api/v1/orders', json(DRAFT, 201, { ETag: '"0"' }))
      .on('PATCH', '/api/v1/orders/{id}', json(two, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/pos' });
    await openDraft(user);
    await user.click(screen.getByTestId('pos-add-tender'));
    await waitFor(() => expect(screen.getByTestId('pos-pay')).toBeEnabled());

    await user.type(screen.getByTestId('pos-line-quantity-0'), '{Backspace}2');
    expect(await screen.findByTestId('pos-stale')).toBeInTheDocument();
    expect(screen.getByTestId('pos-pay')).toBeDisabled();

    await user.click(screen.getByTestId('pos-price'));
    await waitFor(() => expect(screen.getByTestId('order-total')).toHaveTextContent('¥12,920.00'));
    const [patch] = api.calls('PATCH', `/api/v1/orders/${DRAFT.id}`);
    expect(patch.headers.get('If-Match')).toBe('"0"');
    expect(patch.body).toEqual({ consultantId: null, clinicianId: null, note: null, lines: [{ itemId: HA.id, quantity: 2 }] });
    expect(screen.queryByTestId('pos-stale')).not.toBeInTheDocument();
  });

  it('reuses the Idempotency-Key when paying is retried after a network error, and shows a business-rule refusal', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const api = posApi()
      .on('POST', '/api/v1/orders', json(DRAFT, 201, { ETag: '"0"' }))
      .on('POST', '/api/v1/orders/{id}/pay', () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return problem(422, { type: 'https://meike.app/problems/business-rule', title: 'Unprocessable', detail: 'The tenders do not cover the total' });
      });
    renderApp(api, { path: '/pos' });
    await openDraft(user);
    await user.click(screen.getByTestId('pos-add-tender'));
    await waitFor(() => expect(screen.getByTestId('pos-pay')).toBeEnabled());
    await user.click(screen.getByTestId('pos-pay'));

    expect(await screen.findByTestId('pos-pay-error')).toHaveTextContent('网络');
    await user.click(screen.getByTestId('pos-pay-error-retry'));
    expect(await screen.findByText('无法完成此操作')).toBeInTheDocument();
    expect(screen.getByTestId('pos-pay-error')).toHaveTextContent('The tenders do not cover the total');
    const [first, second] = api.calls('POST', `/api/v1/orders/${DRAFT.id}/pay`);
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));

    // The server answered: the next attempt is a new one.
    await user.click(screen.getByTestId('pos-pay'));
    await waitFor(() => expect(api.calls('POST', `/api/v1/orders/${DRAFT.id}/pay`)).toHaveLength(3));
    expect(api.calls('POST', `/api/v1/orders/${DRAFT.id}/pay`)[2].headers.get('Idempotency-Key')).not.toBe(first.headers.get('Idempotency-Key'));
  });

  it('shows field errors of the draft on the line they name', async () => {
    const user = userEvent.setup();
    const api = posApi().on(
      'POST',
      '/api/v1/orders',
      problem(400, { title: 'Bad Request', errors: [{ field: 'lines[0].quantity', message: 'must be at most 999' }] }),
    );
    renderApp(api, { path: '/pos' });
    await user.type(within(await screen.findByTestId('pos-customer')).getByRole('combobox'), 'hyt');
    await user.click(await screen.findByTitle('何雨桐 · 13800001009'));
    await pick(user, 'pos-clinic', CLINIC.name);
    await pick(user, 'pos-line-item-0', HA.name);
    await user.click(screen.getByTestId('pos-price'));
    expect(await within(screen.getByTestId('pos-line-0')).findByText('must be at most 999')).toBeInTheDocument();
  });
});

describe('Paying with stored value at the till', () => {
  /** ¥1,000 spendable everywhere (¥750 principal, ¥250 bonus) and ¥500 only at another clinic. */
  const CARD = svAccount(HEYUTONG, [
    svLot(1, { principal: 75000, bonus: 25000, consumed: 0 }),
    svLot(2, { principal: 40000, bonus: 10000, consumed: 0, allClinics: false, clinicIds: [clinic(2).id] }),
  ]);
  const svApi = (account = CARD) => posApi().on('GET', '/api/v1/stored-value/accounts', { items: [account], nextCursor: null }).on('POST', '/api/v1/orders', json(DRAFT, 201, { ETag: '"0"' }));
  const tender = (i: number) => within(screen.getByTestId(`pos-tender-${i}`));

  it('shows what she can spend at this clinic, refuses more, shows a short balance (422) on the tender, and the receipt splits principal and bonus', async () => {
    const user = userEvent.setup();
    const paid: Order = {
      ...DRAFT,
      status: 'PAID',
      paidAt: '2026-11-23T10:05:00+08:00',
      tenders: [
        { tenderNo: 1, method: 'STORED_VALUE', amount: cny(100000), refunded: cny(0), storedValuePrincipal: cny(75000), storedValueBonus: cny(25000) },
        { tenderNo: 2, method: 'CASH', amount: cny(546000), refunded: cny(0), storedValuePrincipal: null, storedValueBonus: null },
      ],
    };
    let attempts = 0;
    const api = svApi().on('POST', '/api/v1/orders/{id}/pay', () => {
      attempts += 1;
      return attempts === 1
        ? problem(422, { type: 'https://meike.app/problems/insufficient-balance', title: 'Unprocessable', detail: 'Stored value at this clinic is 800.00, short of 1000.00' })
        : json(paid, 200, { ETag: '"1"' });
    });
    renderApp(api, { path: '/pos' });
    await openDraft(user);
    await user.click(screen.getByTestId('pos-add-tender'));
    await pick(user, 'pos-tender-method-0', '储值卡');
    const hint = await tender(0).findByTestId('pos-sv-balance');
    expect(hint).toHaveTextContent('本店可用 ¥1,000.00（本金 ¥750.00 · 赠送 ¥250.00），账户余额 ¥1,500.00');
    expect(hint).toHaveTextContent('超出储值卡可用余额');
    expect(screen.getByTestId('pos-pay')).toBeDisabled();

    await setAmount(user, 'pos-tender-amount-0', '1000');
    await waitFor(() => expect(tender(0).getByTestId('pos-sv-balance')).not.toHaveTextContent('超出'));
    await user.click(screen.getByTestId('pos-add-tender'));
    await waitFor(() => expect(screen.getByTestId('pos-tender-amount-1')).toHaveValue('5460.00'));
    await waitFor(() => expect(screen.getByTestId('pos-pay')).toBeEnabled());
    await user.click(screen.getByTestId('pos-pay'));

    expect(await tender(0).findByText('储值卡余额不足：本店可用 ¥1,000.00')).toBeInTheDocument();
    expect(screen.getByTestId('pos-pay-error')).toHaveTextContent('Stored value at this clinic is 800.00, short of 1000.00');

    await user.click(screen.getByTestId('pos-pay'));
    expect(await screen.findByTestId('order-receipt')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/orders/${DRAFT.id}/pay`)[1].body).toEqual({
      tenders: [
        { method: 'STORED_VALUE', amount: cny(100000) },
        { method: 'CASH', amount: cny(546000) },
      ],
    });
    expect(within(screen.getByTestId('receipt-tenders')).getByText(/储值卡/)).toHaveTextContent('储值卡: ¥1,000.00 (本金 ¥750.00 · 赠送 ¥250.00)');
  });

  it('refuses a frozen card, saying why', async () => {
    const user = userEvent.setup();
    renderApp(svApi({ ...CARD, status: 'FROZEN', frozenReason: '客户报失' }), { path: '/pos' });
    await openDraft(user);
    await user.click(screen.getByTestId('pos-add-tender'));
    await pick(user, 'pos-tender-method-0', '储值卡');
    await setAmount(user, 'pos-tender-amount-0', '6460');
    expect(await tender(0).findByTestId('pos-sv-balance')).toHaveTextContent('储值卡已冻结，不能支付');
    expect(screen.getByTestId('pos-pay')).toBeDisabled();
  });
});
