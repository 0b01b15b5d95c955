import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, customer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { cny, svAccount, svLot, svPlan, walletApi } from '../../test/walletFixtures';

type User = ReturnType<typeof userEvent.setup>;

const HER = customer(5, { name: '赵敏', status: 'ACTIVE' });
const PLAN = svPlan(1);
/** Its sale ended yesterday: listed, not offered. */
const ENDED = svPlan(2, { name: '双十一充3000送1000', price: cny(300000), value: cny(400000), availableUntil: '2020-11-11' });
const TOPUPS = '/api/v1/stored-value/top-ups';

/** After her first top-up on "pay 5,000 get 10,000". */
const OPENED = svAccount(HER, [svLot(1, { principal: 500000, bonus: 500000, consumed: 0 })]);

async function openTopUp(user: User) {
  await user.click(await screen.findByRole('tab', { name: '储值卡' }));
  await user.click(await screen.findByTestId('wallet-topUp'));
  return screen.findByTestId('wallet-topup-form');
}

async function choosePlan(user: User, form: HTMLElement, title: string) {
  await user.click(within(within(form).getByTestId('wallet-topup-plan')).getByRole('combobox'));
  await user.click(await screen.findByTitle(title));
}

async function setAmount(user: User, input: HTMLElement, text: string) {
  await user.clear(input);
  await fill(user, input, text);
}

describe('Topping up a customer', () => {
  it('offers the plans on sale at the clinic as “pay X get Y”, and takes tenders only when they add up to the price', async () => {
    const user = userEvent.setup();
    const api = walletApi(['front-desk'], HER, { account: null, entries: [] }, [PLAN, ENDED]);
    renderApp(api, { path: `/customers/${HER.id}` });
    const form = await openTopUp(user);

    await user.click(within(within(form).getByTestId('wallet-topup-plan')).getByRole('combobox'));
    const option = await screen.findByTitle('充5000得10000');
    expect(option).toHaveTextContent('充5000得10000 · 充 ¥5,000.00 得 ¥10,000.00');
    expect(screen.getByTitle('双十一充3000送1000')).toHaveAttribute('aria-disabled', 'true');
    await user.click(option);
    const plansRead = api.calls('GET', '/api/v1/stored-value/plans').at(-1)!;
    expect(Object.fromEntries(plansRead.query)).toMatchObject({ active: 'true', clinicId: clinic(1).id });
    expect(within(form).getByTestId('wallet-topup-terms')).toHaveTextContent('实付 ¥5,000.00，赠送 ¥5,000.00，有效期 730 天');

    // One tender takes the whole price…
    const submit = screen.getByTestId('wallet-topup-form-submit');
    await waitFor(() => expect(within(form).getByTestId('wallet-topup-tender-amount-0')).toHaveValue('5000.00'));
    expect(submit).toHaveTextContent('确认收款 ¥5,000.00');
    expect(submit).toBeEnabled();
    // …short of it, nothing can be sent…
    await setAmount(user, within(form).getByTestId('wallet-topup-tender-amount-0'), '4000');
    await waitFor(() => expect(submit).toBeDisabled());
    expect(within(form).getByTestId('wallet-topup-tender-remaining')).toHaveTextContent('尚差 ¥1,000.00');
    // …nor over it…
    await setAmount(user, within(form).getByTestId('wallet-topup-tender-amount-0'), '5500');
    await waitFor(() => expect(within(form).getByTestId('wallet-topup-tender-remaining')).toHaveTextContent('多出 ¥500.00'));
    expect(submit).toBeDisabled();
    await user.click(submit);
    expect(api.calls('POST', TOPUPS)).toHaveLength(0);
    // …until a second tender makes up the rest.
    await setAmount(user, within(form).getByTestId('wallet-topup-tender-amount-0'), '4000');
    await user.click(within(form).getByTestId('wallet-topup-tender-add'));
    await waitFor(() => expect(within(form).getByTestId('wallet-topup-tender-amount-1')).toHaveValue('1000.00'));
    await user.click(within(within(form).getByTestId('wallet-topup-tender-method-1')).getByRole('combobox'));
    await user.click(await screen.findByTitle('微信支付'));
    await fill(user, within(form).getByTestId('wallet-topup-tender-reference-1'), '4200009999');
    await waitFor(() => expect(within(form).getByTestId('wallet-topup-tender-remaining')).toHaveTextContent('金额已对上'));
    await waitFor(() => expect(submit).toBeEnabled());
  });

  it('keeps the Idempotency-Key across retries of the same submission, and takes a new one for the next top-up', async () => {
    const user = userEvent.setup();
    const state = { account: null as typeof OPENED | null, entries: [] };
    let attempts = 0;
    const api = walletApi(['front-desk'], HER, state).on('POST', TOPUPS, () => {
      attempts += 1;
      if (attempts === 1) return problem(503, { title: 'Service Unavailable' });
      if (attempts === 2) throw new TypeError('Failed to fetch');
      state.account = OPENED;
      return json({ topUp: { planName: PLAN.name }, account: OPENED }, 201);
    });
    renderApp(api, { path: `/customers/${HER.id}` });
    let form = await openTopUp(user);
    await choosePlan(user, form, PLAN.name);
    await waitFor(() => expect(screen.getByTestId('wallet-topup-form-submit')).toBeEnabled());

    await user.click(screen.getByTestId('wallet-topup-form-submit'));
    expect(await screen.findByTestId('wallet-topup-form-error')).toBeInTheDocument();
    await user.click(screen.getByTestId('wallet-topup-form-submit'));
    await waitFor(() => expect(attempts).toBe(2));
    await waitFor(() => expect(screen.getByTestId('wallet-topup-form-submit')).toBeEnabled());
    await user.click(screen.getByTestId('wallet-topup-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('wallet-topup-form')).not.toBeInTheDocument());
    expect(await screen.findByText('已充值「充5000得10000」，当前余额 ¥10,000.00')).toBeInTheDocument();
    expect(await screen.findByTestId('wallet-balance')).toHaveTextContent('¥10,000.00');

    const posts = api.calls('POST', TOPUPS);
    expect(posts).toHaveLength(3);
    expect(posts[0].body).toEqual({ customerId: HER.id, planId: PLAN.id, clinicId: clinic(1).id, tenders: [{ method: 'CASH', amount: cny(500000) }] });
    const key = posts[0].headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts.map((p) => p.headers.get('Idempotency-Key'))).toEqual([key, key, key]);

    // The same plan again is another top-up: another key.
    await user.click(screen.getByTestId('wallet-topUp'));
    form = await screen.findByTestId('wallet-topup-form');
    await choosePlan(user, form, PLAN.name);
    await waitFor(() => expect(screen.getByTestId('wallet-topup-form-submit')).toBeEnabled());
    await user.click(screen.getByTestId('wallet-topup-form-submit'));
    await waitFor(() => expect(api.calls('POST', TOPUPS)).toHaveLength(4));
    const next = api.calls('POST', TOPUPS)[3];
    expect(next.body).toEqual(posts[0].body);
    expect(next.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(next.headers.get('Idempotency-Key')).not.toBe(key);
  });
});
