import { expect, test } from '@playwright/test';
import { signIn, signOut } from './session';
import { api, pick, registerCustomer } from './ui';

/** Demo chain A's plan (or made here by the chain admin when it is missing): pay 5,000.00, get 10,000.00. */
const PLAN = '充5000得10000';

type Money = { amount: number };
type Paid = { tenders: { method: string; amount: Money; storedValuePrincipal: Money | null; storedValueBonus: Money | null }[] };
type Refunded = { entry: { refundAmount: Money | null; forfeitedBonus: Money | null }; account: { status: string } };

/**
 * A new customer tops up on 'pay 5,000 get 10,000' (principal 5,000, bonus 5,000), pays 4,000 of an order with it
 * (taken pro rata: 2,000 principal, 2,000 bonus), then her account is refunded and closed: the calculator shows the
 * courts' formula 5,000 − 4,000 × 5,000 ÷ 10,000 = 3,000 paid back, and the 3,000 bonus left is forfeited.
 */
test('a customer tops up on a pay-5,000-get-10,000 plan, pays an order with it, and is refunded by the formula', async ({ page }) => {
  const name = `储值${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  let customerId = '';

  await test.step(`a.admin makes sure “${PLAN}” is on sale`, async () => {
    await signIn(page, 'a.admin');
    const listed = api(page, 'GET', /^\/api\/v1\/stored-value\/plans$/);
    await page.getByTestId('nav-storedValuePlans').click();
    const plans = (await (await listed).json()) as { items: { name: string; active: boolean }[] };
    if (!plans.items.some((p) => p.name === PLAN && p.active)) {
      await page.getByTestId('add-sv-plan-button').click();
      await page.getByTestId('sv-plan-code').fill(`E2E-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`);
      await page.getByTestId('sv-plan-name').fill(PLAN);
      await page.getByTestId('sv-plan-price').fill('5000');
      await page.getByTestId('sv-plan-value').fill('10000');
      await expect(page.getByTestId('sv-plan-bonus')).toHaveText('赠送 ¥5,000.00');
      const created = api(page, 'POST', /^\/api\/v1\/stored-value\/plans$/);
      await page.getByTestId('sv-plan-form-submit').click();
      const response = await created;
      expect(response.status(), await response.text()).toBe(201);
    }
    await expect(page.getByTestId('sv-plans-table').getByText(PLAN).first()).toBeVisible();
    await signOut(page);
  });

  await test.step('a.manager registers a customer and tops her up on the plan', async () => {
    await signIn(page, 'a.manager');
    customerId = await registerCustomer(page, name, phone);
    await page.getByRole('tab', { name: '储值卡' }).click();
    await expect(page.getByTestId('wallet-none')).toBeVisible();
    await page.getByTestId('wallet-topUp').click();
    await pick(page, 'wallet-topup-plan', PLAN);
    await expect(page.getByTestId('wallet-topup-terms')).toContainText('实付 ¥5,000.00，赠送 ¥5,000.00');
    // One cash tender of the whole price is offered; it must add up to the price.
    await expect(page.getByTestId('wallet-topup-tender-amount-0')).toHaveValue('5000.00');
    await expect(page.getByTestId('wallet-topup-tender-remaining')).toHaveText('金额已对上');
    const toppedUp = api(page, 'POST', /^\/api\/v1\/stored-value\/top-ups$/);
    await page.getByTestId('wallet-topup-form-submit').click();
    const response = await toppedUp;
    expect(response.status(), await response.text()).toBe(201);
    await expect(page.getByTestId('wallet-balance')).toHaveText(/¥10,000\.00/);
    await expect(page.getByTestId('wallet-principal')).toHaveText(/¥5,000\.00/);
    await expect(page.getByTestId('wallet-bonus')).toHaveText(/¥5,000\.00/);
  });

  await test.step('sells her 热玛吉, paying 4,000 with stored value and the rest in cash', async () => {
    await page.getByTestId('nav-pos').click();
    const customer = page.getByTestId('pos-customer');
    await customer.click();
    await customer.locator('input').fill(name);
    await page.locator('.ant-select-item-option', { hasText: name }).first().click();
    await pick(page, 'pos-clinic');
    await pick(page, 'pos-line-item-0', '热玛吉');
    const drafted = api(page, 'POST', /^\/api\/v1\/orders$/);
    await page.getByTestId('pos-price').click();
    const draft = await drafted;
    expect(draft.status(), await draft.text()).toBe(201);

    await page.getByTestId('pos-add-tender').click();
    await pick(page, 'pos-tender-method-0', '储值卡');
    await page.getByTestId('pos-tender-amount-0').fill('4000');
    await expect(page.getByTestId('pos-sv-balance')).toContainText('¥10,000.00');
    await page.getByTestId('pos-add-tender').click();
    await expect(page.getByTestId('pos-remaining')).toContainText('¥0.00');
    const paying = api(page, 'POST', /^\/api\/v1\/orders\/[^/]+\/pay$/);
    await page.getByTestId('pos-pay').click();
    const paid = await paying;
    expect(paid.status(), await paid.text()).toBe(200);
    const tender = ((await paid.json()) as Paid).tenders.find((x) => x.method === 'STORED_VALUE');
    expect(tender?.amount.amount).toBe(400_000);
    expect(tender?.storedValuePrincipal?.amount).toBe(200_000);
    expect(tender?.storedValueBonus?.amount).toBe(200_000);
    await expect(page.getByTestId('receipt-tenders')).toContainText('储值卡: ¥4,000.00 (本金 ¥2,000.00 · 赠送 ¥2,000.00)');
  });

  await test.step('refunds and closes her account: the calculator shows the formula’s figures, and they are what is paid', async () => {
    await page.goto(`/customers/${customerId}`);
    await page.getByRole('tab', { name: '储值卡' }).click();
    await expect(page.getByTestId('wallet-balance')).toHaveText(/¥6,000\.00/);
    const quoted = api(page, 'GET', /^\/api\/v1\/stored-value\/accounts\/[^/]+\/refund-quote$/);
    await page.getByTestId('wallet-refund').click();
    expect((await quoted).status()).toBe(200);
    const lot = (figure: string) => page.getByTestId(`refund-quote-0-${figure}`);
    await expect(lot('principal')).toHaveText('¥5,000.00');
    await expect(lot('bonus')).toHaveText('¥5,000.00');
    await expect(lot('consumed')).toHaveText('¥4,000.00');
    await expect(lot('principalConsumed')).toHaveText('¥2,000.00');
    await expect(lot('refund')).toHaveText('¥3,000.00');
    await expect(lot('forfeitedBonus')).toHaveText('¥3,000.00');
    await expect(lot('formula')).toContainText('3000.00');
    await expect(page.getByTestId('refund-quote-total')).toHaveText('¥3,000.00');
    await expect(page.getByTestId('refund-quote-forfeited')).toHaveText('¥3,000.00');
    await expect(page.getByTestId('wallet-refund-tender-amount-0')).toHaveValue('3000.00');

    await page.getByTestId('wallet-refund-close').click();
    await page.getByTestId('wallet-refund-reason').fill('客户搬家，申请退卡');
    const refunding = api(page, 'POST', /^\/api\/v1\/stored-value\/accounts\/[^/]+\/refund$/);
    await page.getByTestId('wallet-refund-form-submit').click();
    const response = await refunding;
    expect(response.status(), await response.text()).toBe(200);
    const refunded = (await response.json()) as Refunded;
    expect(refunded.entry.refundAmount?.amount).toBe(300_000);
    expect(refunded.entry.forfeitedBonus?.amount).toBe(300_000);
    expect(refunded.account.status).toBe('CLOSED');
    await expect(page.getByTestId('wallet-status')).toHaveText('已销户');
    await expect(page.getByTestId('wallet-balance')).toHaveText(/¥0\.00/);
    await expect(page.getByTestId('wallet-ledger-table')).toContainText('退还 ¥3,000.00，作废赠送 ¥3,000.00');
  });
});
