import { expect, type Page } from '@playwright/test';

/**
 * Picks an option of an antd select by its title (the first option without one) from this select's own dropdown
 * (found through the input's aria-controls, so a sibling dropdown still closing can't be mistaken for it), waits
 * until the option is marked selected, and until the dropdown has closed again.
 */
export async function pick(page: Page, testId: string, title?: string) {
  const select = page.getByTestId(testId);
  await select.click();
  const listId = await select.getByRole('combobox').getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  const option = dropdown.locator(title ? `.ant-select-item-option[title="${title}"]` : '.ant-select-item-option').first();
  // A click that lands while the dropdown is still opening can go unanswered: click again, but only while
  // the option is not selected (a second click would unselect it in a multiple select).
  await expect(async () => {
    if (!/ant-select-item-option-selected/.test((await option.getAttribute('class')) ?? '')) await option.click();
    await expect(option).toHaveClass(/ant-select-item-option-selected/, { timeout: 2_000 });
  }).toPass();
  // A multiple select keeps its dropdown open; a single one closes it itself, and an Escape then would reach
  // the modal or drawer around the select and close it.
  if (/ant-select-multiple/.test((await select.getAttribute('class')) ?? '')) await page.keyboard.press('Escape');
  await expect(dropdown).toBeHidden();
}

export function api(page: Page, method: string, path: RegExp) {
  return page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
}

/** Registers a walk-in customer from the customer list and waits for her page; answers her id. */
export async function registerCustomer(page: Page, name: string, phone: string): Promise<string> {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('register-customer-button').click();
  await page.getByTestId('customer-form-name').fill(name);
  await page.getByTestId('customer-form-phone').fill(phone);
  await pick(page, 'customer-form-source', '自然到店');
  const registered = api(page, 'POST', /^\/api\/v1\/customers$/);
  await page.getByTestId('customer-form-submit').click();
  const response = await registered;
  expect(response.status(), `POST /api/v1/customers: ${await response.text()}`).toBe(201);
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  return ((await response.json()) as { id: string }).id;
}

export type PaidOrder = { id: string; tierName: string | null; total: { amount: number } };

/** Rings up the items for the customer at the till, pays the total in cash and waits for the receipt. */
export async function sell(page: Page, customerName: string, items: string[]): Promise<PaidOrder> {
  await page.getByTestId('nav-pos').click();
  if (await page.getByTestId('pos-new-sale').isVisible()) await page.getByTestId('pos-new-sale').click();
  const customer = page.getByTestId('pos-customer');
  await customer.click();
  await customer.locator('input').fill(customerName);
  await page.locator('.ant-select-item-option', { hasText: customerName }).first().click();
  await pick(page, 'pos-clinic');
  for (const [i, item] of items.entries()) {
    if (i > 0) await page.getByTestId('pos-add-line').click();
    await pick(page, `pos-line-item-${i}`, item);
  }
  const drafted = api(page, 'POST', /^\/api\/v1\/orders$/);
  await page.getByTestId('pos-price').click();
  const draft = await drafted;
  expect(draft.status(), await draft.text()).toBe(201);
  await page.getByTestId('pos-add-tender').click();
  const paying = api(page, 'POST', /^\/api\/v1\/orders\/[^/]+\/pay$/);
  await page.getByTestId('pos-pay').click();
  const paid = await paying;
  expect(paid.status(), await paid.text()).toBe(200);
  await expect(page.getByTestId('order-receipt')).toBeVisible();
  return (await paid.json()) as PaidOrder;
}

/** Refunds all that is left of one line of the order from its page, with the reason, and waits for the answer. */
export async function refundLine(page: Page, orderId: string, lineNo: number, reason: string) {
  await page.goto(`/orders/${orderId}`);
  await page.getByTestId('order-refund').click();
  await page.getByTestId(`refund-line-all-${lineNo}`).click();
  await page.getByTestId('refund-reason').fill(reason);
  const refunded = api(page, 'POST', /^\/api\/v1\/orders\/[^/]+\/refunds$/);
  await page.getByTestId('refund-form-submit').click();
  const response = await refunded;
  expect(response.status(), await response.text()).toBe(200);
}
