import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, customer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { cny, svAccount, svEntry, svLot, walletApi } from '../../test/walletFixtures';

type User = ReturnType<typeof userEvent.setup>;

const HER = customer(5, { name: '赵敏', status: 'ACTIVE' });
/** Pay 3,000 get 1,000, 2,000 spent (1,500 + 500 left); pay 5,000 get 10,000, 4,000 spent (3,000 + 3,000 left). */
const LOT_A = svLot(1);
const LOT_B = svLot(2, { principal: 500000, bonus: 500000, consumed: 400000, allClinics: false, clinicIds: [clinic(2).id], soldAtClinicId: clinic(2).id });
const ACCOUNT = svAccount(HER, [LOT_A, LOT_B]);
const TOP_UP = svEntry(1, ACCOUNT, {
  kind: 'TOP_UP',
  principal: cny(500000),
  bonus: cny(500000),
  amount: cny(1000000),
  principalAfter: cny(650000),
  bonusAfter: cny(550000),
  balanceAfter: cny(1200000),
  tenders: [{ method: 'WECHAT_PAY', amount: cny(500000), reference: '4200001234' }],
  occurredAt: '2026-02-01T10:00:00+08:00',
});
const DEBIT = svEntry(2, ACCOUNT, {
  kind: 'DEBIT',
  principal: cny(-200000),
  bonus: cny(-200000),
  amount: cny(-400000),
  orderId: '01900000-0000-7000-8000-0000000f0001',
  occurredAt: '2026-11-20T10:00:00+08:00',
});

async function openWallet(user: User) {
  await user.click(await screen.findByRole('tab', { name: '储值卡' }));
  return screen.findByTestId('customer-wallet');
}

describe('The customer’s stored-value card', () => {
  it('shows the balances, the lots and the ledger newest first with the balance after each entry', async () => {
    const user = userEvent.setup();
    renderApp(walletApi(['consultant'], HER, { account: ACCOUNT, entries: [DEBIT, TOP_UP] }), { path: `/customers/${HER.id}` });
    const card = await openWallet(user);

    expect(await within(card).findByTestId('wallet-balance')).toHaveTextContent('¥8,000.00');
    expect(within(card).getByTestId('wallet-principal')).toHaveTextContent('¥4,500.00');
    expect(within(card).getByTestId('wallet-bonus')).toHaveTextContent('¥3,500.00');
    expect(within(card).getByTestId('wallet-expired')).toHaveTextContent('¥0.00');
    expect(within(card).getByTestId('wallet-status')).toHaveTextContent('正常');

    const lots = within(within(card).getByTestId('wallet-lots')).getAllByRole('row').slice(1);
    expect(lots).toHaveLength(2);
    expect(lots[0]).toHaveTextContent('充5000得10000');
    expect(lots[0]).toHaveTextContent('¥3,000.00');
    expect(within(card).getByTestId(`wallet-lot-principal-${LOT_A.id}`)).toHaveTextContent('¥1,500.00');
    expect(within(card).getByTestId(`wallet-lot-bonus-${LOT_A.id}`)).toHaveTextContent('¥500.00');
    expect(lots[0]).toHaveTextContent('全部门店可用');
    expect(within(card).getByTestId(`wallet-lot-principal-${LOT_B.id}`)).toHaveTextContent('¥3,000.00');
    expect(lots[1]).toHaveTextContent(`可用门店：${clinic(2).name}`);

    const ledger = within(await within(card).findByTestId('wallet-ledger-table')).getAllByRole('row').slice(1);
    await waitFor(() => expect(ledger).toHaveLength(2));
    expect(ledger[0]).toHaveTextContent('消费');
    expect(ledger[0]).toHaveTextContent('−¥2,000.00');
    expect(within(card).getByTestId(`wallet-entry-after-${DEBIT.id}`)).toHaveTextContent('¥8,000.00本金 ¥4,500.00 · 赠送 ¥3,500.00');
    expect(ledger[1]).toHaveTextContent('充值');
    expect(ledger[1]).toHaveTextContent('+¥5,000.00');
    expect(ledger[1]).toHaveTextContent('微信支付 ¥5,000.00 · 4200001234');
    expect(within(card).getByTestId(`wallet-entry-after-${TOP_UP.id}`)).toHaveTextContent('¥12,000.00');
  });

  it('says so when she has no card yet, and offers a top-up to whoever sells', async () => {
    const user = userEvent.setup();
    renderApp(walletApi(['front-desk'], HER, { account: null, entries: [] }), { path: `/customers/${HER.id}` });
    const card = await openWallet(user);
    expect(await within(card).findByTestId('wallet-none')).toHaveTextContent('尚未开通储值卡');
    expect(within(card).getByTestId('wallet-topUp')).toBeInTheDocument();
    expect(within(card).queryByTestId('wallet-refund')).not.toBeInTheDocument();
  });

  it.each([
    ['tenant-admin', ['topUp', 'freeze', 'refund', 'transfer', 'adjust']],
    ['manager', ['topUp', 'freeze', 'refund']],
    ['front-desk', ['topUp', 'freeze']],
    ['consultant', ['topUp']],
    ['clinician', []],
  ] as const)('%s is offered %j', async (role, offered) => {
    const user = userEvent.setup();
    renderApp(walletApi([role], HER, { account: ACCOUNT, entries: [] }), { path: `/customers/${HER.id}` });
    const card = await openWallet(user);
    await within(card).findByTestId('wallet-balance');
    for (const action of ['topUp', 'freeze', 'unfreeze', 'refund', 'reactivate', 'transfer', 'adjust']) {
      expect(!!within(card).queryByTestId(`wallet-${action}`), action).toBe((offered as readonly string[]).includes(action));
    }
  });

  it('lets the front desk freeze a card with a reason; a frozen card takes no top-up, and only a manager unfreezes it', async () => {
    const user = userEvent.setup();
    const state = { account: ACCOUNT, entries: [] };
    const api = walletApi(['front-desk'], HER, state).on('POST', `/api/v1/stored-value/accounts/${ACCOUNT.id}/freeze`, () => {
      state.account = { ...ACCOUNT, status: 'FROZEN', frozenReason: '客户报失', frozenAt: '2026-11-21T10:00:00+08:00' };
      return json(state.account);
    });
    renderApp(api, { path: `/customers/${HER.id}` });
    const card = await openWallet(user);
    await user.click(await within(card).findByTestId('wallet-freeze'));
    const form = await screen.findByTestId('wallet-freeze-form');
    await user.click(screen.getByTestId('wallet-freeze-form-submit'));
    expect(await within(form).findByText('请填写原因')).toBeInTheDocument();
    await fill(user, within(form).getByTestId('wallet-freeze-reason'), '客户报失');
    await user.click(screen.getByTestId('wallet-freeze-form-submit'));

    await waitFor(() => expect(within(card).getByTestId('wallet-status')).toHaveTextContent('已冻结'));
    expect(api.calls('POST', `/api/v1/stored-value/accounts/${ACCOUNT.id}/freeze`)[0].body).toEqual({ reason: '客户报失' });
    expect(within(card).getByText('客户报失')).toBeInTheDocument();
    // Frozen: no top-up, no freeze again; the front desk cannot unfreeze.
    expect(within(card).queryByTestId('wallet-topUp')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('wallet-freeze')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('wallet-unfreeze')).not.toBeInTheDocument();
  });

  it('offers a manager to unfreeze, and to reactivate expired value with a new validity', async () => {
    const user = userEvent.setup();
    const expired = svLot(3, { status: 'EXPIRED', principal: 100000, bonus: 100000, consumed: 0, expiredPrincipal: cny(100000), expiredBonus: cny(100000) });
    const frozen = svAccount(HER, [LOT_A, { ...expired, principalRemaining: cny(0), bonusRemaining: cny(0) }], { status: 'FROZEN', frozenReason: '纠纷处理中' });
    const state = { account: frozen, entries: [] };
    const api = walletApi(['manager'], HER, state).on('POST', `/api/v1/stored-value/accounts/${frozen.id}/reactivate`, () =>
      json(svEntry(9, frozen, { kind: 'REACTIVATE', principal: cny(100000), bonus: cny(100000), amount: cny(200000) }), 201),
    );
    renderApp(api, { path: `/customers/${HER.id}` });
    const card = await openWallet(user);
    expect(await within(card).findByTestId('wallet-expired')).toHaveTextContent('¥2,000.00');
    expect(within(card).getByTestId('wallet-unfreeze')).toBeInTheDocument();
    expect(within(card).queryByTestId('wallet-topUp')).not.toBeInTheDocument();

    await user.click(within(card).getByTestId('wallet-reactivate'));
    const form = await screen.findByTestId('wallet-reactivate-form');
    expect(form).toHaveTextContent('将激活已过期的 ¥2,000.00（本金 ¥1,000.00 · 赠送 ¥1,000.00）');
    await fill(user, within(form).getByTestId('wallet-reactivate-days'), '180');
    await fill(user, within(form).getByTestId('wallet-reactivate-reason'), '客户出国回来');
    await user.click(screen.getByTestId('wallet-reactivate-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('wallet-reactivate-form')).not.toBeInTheDocument());
    const [post] = api.calls('POST', `/api/v1/stored-value/accounts/${frozen.id}/reactivate`);
    expect(post.body).toEqual({ reason: '客户出国回来', validityDays: 180 });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a short balance (422) on a chain admin’s adjustment that takes more than the account holds', async () => {
    const user = userEvent.setup();
    const api = walletApi(['tenant-admin'], HER, { account: ACCOUNT, entries: [] }).on(
      'POST',
      `/api/v1/stored-value/accounts/${ACCOUNT.id}/adjustments`,
      () => new Response(JSON.stringify({ type: 'https://meike.app/problems/business-rule', title: 'Unprocessable', status: 422, detail: 'Bonus 3500.00 is short of 5000.00' }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    renderApp(api, { path: `/customers/${HER.id}` });
    const card = await openWallet(user);
    await user.click(await within(card).findByTestId('wallet-adjust'));
    const form = await screen.findByTestId('wallet-adjust-form');
    await user.click(within(form).getByText('扣减'));
    await fill(user, within(form).getByTestId('wallet-adjust-bonus'), '5000');
    await fill(user, within(form).getByTestId('wallet-adjust-reason'), '活动赠送录入重复');
    await user.click(screen.getByTestId('wallet-adjust-form-submit'));

    expect((await within(form).findAllByText('超过账户余额（本金 ¥4,500.00，赠送 ¥3,500.00）')).length).toBeGreaterThan(0);
    const [post] = api.calls('POST', `/api/v1/stored-value/accounts/${ACCOUNT.id}/adjustments`);
    expect(post.body).toEqual({ principal: cny(0), bonus: cny(-500000), reason: '活动赠送录入重复' });
  });
});
