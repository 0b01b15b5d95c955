import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { customer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { cny, svAccount, svEntry, svLot, svQuote, svQuoteLot, walletApi } from '../../test/walletFixtures';

type User = ReturnType<typeof userEvent.setup>;

const HER = customer(5, { name: '赵敏', status: 'ACTIVE' });
/** The domain's worked examples: pay 3,000 get 1,000 bonus, 2,000 spent; pay 5,000 get 10,000, 4,000 spent. */
const FIRST = svLot(1);
const SECOND = svLot(2, { principal: 500000, bonus: 500000, consumed: 400000 });
const FIRST_QUOTED = svQuoteLot(FIRST, '3000.00 − 2000.00 × 3000.00 ÷ 4000.00 = 1500.00');
const SECOND_QUOTED = svQuoteLot(SECOND, '5000.00 − 4000.00 × 5000.00 ÷ 10000.00 = 3000.00');

function quoteOf(account: ReturnType<typeof svAccount>) {
  const byLot = { [FIRST.id]: FIRST_QUOTED, [SECOND.id]: SECOND_QUOTED };
  return svQuote(account, account.lots.map((l) => byLot[l.id]));
}

function refundApi(account: ReturnType<typeof svAccount>) {
  return walletApi(['manager'], HER, { account, entries: [] }).on('GET', `/api/v1/stored-value/accounts/${account.id}/refund-quote`, () => json(quoteOf(account)));
}

async function openRefund(user: User) {
  await user.click(await screen.findByRole('tab', { name: '储值卡' }));
  await user.click(await screen.findByTestId('wallet-refund'));
  const form = await screen.findByTestId('wallet-refund-form');
  await within(form).findByTestId('refund-quote');
  return form;
}

describe('The refund calculator', () => {
  it.each([
    ['pay 3,000 get 1,000 bonus, 2,000 consumed', FIRST, ['¥3,000.00', '¥1,000.00', '¥2,000.00', '¥1,500.00', '¥1,500.00', '¥500.00'], FIRST_QUOTED.formula],
    ['pay 5,000 get 10,000, 4,000 consumed', SECOND, ['¥5,000.00', '¥5,000.00', '¥4,000.00', '¥2,000.00', '¥3,000.00', '¥3,000.00'], SECOND_QUOTED.formula],
  ])('shows the formula’s figures of the worked example “%s” before anything is confirmed', async (_, lot, figures, formula) => {
    const user = userEvent.setup();
    const api = refundApi(svAccount(HER, [lot]));
    renderApp(api, { path: `/customers/${HER.id}` });
    const form = await openRefund(user);

    const cells = ['principal', 'bonus', 'consumed', 'principalConsumed', 'refund', 'forfeitedBonus'];
    expect(cells.map((c) => within(form).getByTestId(`refund-quote-0-${c}`).textContent)).toEqual(figures);
    expect(within(form).getByTestId('refund-quote-0-formula')).toHaveTextContent(formula);
    expect(within(form).getByTestId('refund-quote-total')).toHaveTextContent(figures[4]);
    expect(within(form).getByTestId('refund-quote-forfeited')).toHaveTextContent(figures[5]);
    expect(form).toHaveTextContent('可退本金 = 实付 P − 已消费 C × P ÷ (P + B)');
    expect(screen.getByTestId('wallet-refund-form-submit')).toHaveTextContent(`确认退款 ${figures[4]}`);
    expect(api.calls('POST', `/api/v1/stored-value/accounts/${svAccount(HER, [lot]).id}/refund`)).toHaveLength(0);
  });

  it('refunds both lots by the totals, paid back as the manager says, with an Idempotency-Key, and can close the account', async () => {
    const user = userEvent.setup();
    const account = svAccount(HER, [FIRST, SECOND]);
    const state = { account, entries: [] as ReturnType<typeof svEntry>[] };
    const refunded = svEntry(9, account, {
      kind: 'REFUND',
      principal: cny(-450000),
      bonus: cny(-350000),
      amount: cny(-800000),
      principalAfter: cny(0),
      bonusAfter: cny(0),
      balanceAfter: cny(0),
      refundAmount: cny(450000),
      forfeitedBonus: cny(350000),
      reason: '客户搬家',
    });
    const api = walletApi(['manager'], HER, state)
      .on('GET', `/api/v1/stored-value/accounts/${account.id}/refund-quote`, () => json(quoteOf(account)))
      .on('POST', `/api/v1/stored-value/accounts/${account.id}/refund`, () => {
        state.account = svAccount(HER, [], { status: 'CLOSED', closedAt: '2026-11-23T10:00:00+08:00' });
        state.entries = [refunded];
        return json({ entry: refunded, account: state.account });
      });
    renderApp(api, { path: `/customers/${HER.id}` });
    const form = await openRefund(user);

    expect(within(form).getByTestId('refund-quote-0-refund')).toHaveTextContent('¥1,500.00');
    expect(within(form).getByTestId('refund-quote-1-refund')).toHaveTextContent('¥3,000.00');
    expect(within(form).getByTestId('refund-quote-total')).toHaveTextContent('¥4,500.00');
    expect(within(form).getByTestId('refund-quote-forfeited')).toHaveTextContent('¥3,500.00');
    // The money goes back in cash unless the manager says otherwise; it has to add up to the refund.
    const submit = screen.getByTestId('wallet-refund-form-submit');
    expect(within(form).getByTestId('wallet-refund-tender-amount-0')).toHaveValue('4500.00');
    const amount = within(form).getByTestId('wallet-refund-tender-amount-0');
    await user.clear(amount);
    await fill(user, amount, '4000');
    await waitFor(() => expect(submit).toBeDisabled());
    await user.click(within(form).getByTestId('wallet-refund-tender-add'));
    await waitFor(() => expect(within(form).getByTestId('wallet-refund-tender-amount-1')).toHaveValue('500.00'));
    await user.click(within(within(form).getByTestId('wallet-refund-tender-method-1')).getByRole('combobox'));
    await user.click(await screen.findByTitle('银行卡'));
    await user.click(within(form).getByTestId('wallet-refund-close'));
    await fill(user, within(form).getByTestId('wallet-refund-reason'), '客户搬家');
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    await waitFor(() => expect(screen.queryByTestId('wallet-refund-form')).not.toBeInTheDocument());
    expect(await screen.findByText('已退款 ¥4,500.00，作废赠送 ¥3,500.00')).toBeInTheDocument();
    const [post] = api.calls('POST', `/api/v1/stored-value/accounts/${account.id}/refund`);
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({
      reason: '客户搬家',
      close: true,
      tenders: [
        { method: 'CASH', amount: cny(400000) },
        { method: 'BANK_CARD', amount: cny(50000) },
      ],
    });
    expect(await screen.findByTestId('wallet-status')).toHaveTextContent('已销户');
    expect(await screen.findByTestId(`wallet-entry-refund-${refunded.id}`)).toHaveTextContent('退还 ¥4,500.00，作废赠送 ¥3,500.00');
  });

  it('will not close an account with expired value, and after a refusal (the figures moved) reads the quote again', async () => {
    const user = userEvent.setup();
    const expired = svLot(3, { status: 'EXPIRED', principal: 100000, bonus: 0, consumed: 0, expiredPrincipal: cny(100000) });
    const account = svAccount(HER, [FIRST, { ...expired, principalRemaining: cny(0), bonusRemaining: cny(0) }]);
    const quotes = [svQuote(account, [FIRST_QUOTED]), svQuote(account, [{ ...FIRST_QUOTED, refund: cny(140000), forfeitedBonus: cny(40000) }], { refund: cny(140000) })];
    const api = walletApi(['manager'], HER, { account, entries: [] })
      .on('GET', `/api/v1/stored-value/accounts/${account.id}/refund-quote`, () => json(quotes.length > 1 ? quotes.shift() : quotes[0]))
      .on('POST', `/api/v1/stored-value/accounts/${account.id}/refund`, problem(422, { type: 'https://meike.app/problems/business-rule', title: 'Unprocessable', detail: 'The tenders add up to 1500.00, not the refund 1400.00' }));
    renderApp(api, { path: `/customers/${HER.id}` });
    const form = await openRefund(user);
    expect(within(form).getByTestId('refund-quote-expired')).toHaveTextContent('已过期的本金 ¥1,000.00 和赠送 ¥0.00 不在此次退款内');

    await user.click(within(form).getByTestId('wallet-refund-close'));
    expect(await within(form).findByTestId('wallet-refund-blocked')).toHaveTextContent('请先激活过期金额');
    expect(screen.getByTestId('wallet-refund-form-submit')).toBeDisabled();
    await user.click(within(form).getByTestId('wallet-refund-close'));
    await fill(user, within(form).getByTestId('wallet-refund-reason'), '客户申请退款');
    await user.click(screen.getByTestId('wallet-refund-form-submit'));

    const alert = await screen.findByTestId('wallet-refund-form-error');
    expect(alert).toHaveTextContent('The tenders add up to 1500.00, not the refund 1400.00');
    await user.click(within(alert).getByTestId('wallet-refund-form-error-retry'));
    await waitFor(() => expect(within(form).getByTestId('refund-quote-total')).toHaveTextContent('¥1,400.00'));
    await waitFor(() => expect(within(form).getByTestId('wallet-refund-tender-amount-0')).toHaveValue('1400.00'));
    expect(screen.queryByTestId('wallet-refund-form-error')).not.toBeInTheDocument();
  });
});
