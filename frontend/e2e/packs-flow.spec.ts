import { expect, test } from '@playwright/test';
import { signIn } from './session';
import { api, pick } from './ui';

/**
 * Demo chain A's template 水光焕肤疗程 (水光针 ×2 + 光子嫩肤 ×2 + 瘦脸针 ×1, sold and redeemed at every clinic). The
 * front desk sells one to a new customer at the till, checks her in for 周医生, and redeems one 水光针 from the visit
 * page in two clicks: 2 sessions of it left become 1, 5 of the pack become 4.
 */
const TEMPLATE = '水光焕肤疗程';
/** 水光针 in demo chain A's catalog (007-demo-crm.sql). */
const WATER_LIGHT = '01900000-0000-7000-8000-000000a10006';
const CLINICIAN = '周医生 (A clinician)（医生）';

test('the front desk sells a pack, checks her in and redeems a session from the visit in two clicks', async ({ page }) => {
  const name = `疗程${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  let customerId = '';
  let packId = '';
  let visitId = '';

  await test.step('a.frontdesk registers a new customer', async () => {
    await signIn(page, 'a.frontdesk');
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('register-customer-button').click();
    await page.getByTestId('customer-form-name').fill(name);
    await page.getByTestId('customer-form-phone').fill(phone);
    await pick(page, 'customer-form-source', '自然到店');
    const registered = api(page, 'POST', /^\/api\/v1\/customers$/);
    await page.getByTestId('customer-form-submit').click();
    const response = await registered;
    expect(response.status(), await response.text()).toBe(201);
    customerId = ((await response.json()) as { id: string }).id;
  });

  await test.step(`sells her a ${TEMPLATE} at the till: paying makes her pack`, async () => {
    await page.getByTestId('nav-pos').click();
    const customer = page.getByTestId('pos-customer');
    await customer.click();
    await customer.locator('input').fill(name);
    await page.locator('.ant-select-item-option', { hasText: name }).first().click();
    await pick(page, 'pos-clinic');
    // A pack line instead of the item line the till starts with.
    await page.getByTestId('pos-add-pack').click();
    await page.getByTestId('pos-line-remove-0').click();
    await pick(page, 'pos-line-pack-0', TEMPLATE);
    const drafted = api(page, 'POST', /^\/api\/v1\/orders$/);
    await page.getByTestId('pos-price').click();
    const draft = await drafted;
    expect(draft.status(), await draft.text()).toBe(201);
    expect(((await draft.json()) as { lines: { kind: string }[] }).lines.map((l) => l.kind)).toEqual(['PACK']);
    await page.getByTestId('pos-add-tender').click();
    const paying = api(page, 'POST', /^\/api\/v1\/orders\/[^/]+\/pay$/);
    await page.getByTestId('pos-pay').click();
    const paid = await paying;
    expect(paid.status(), await paid.text()).toBe(200);
    const order = (await paid.json()) as { lines: { packIds: string[] }[] };
    expect(order.lines[0].packIds).toHaveLength(1);
    packId = order.lines[0].packIds[0];
    await expect(page.getByTestId(`pack-link-${packId}`)).toHaveAttribute('href', `/customers/${customerId}?tab=packs&pack=${packId}`);
  });

  await test.step('checks her in from her page, for 周医生', async () => {
    await page.goto(`/customers/${customerId}`);
    await page.getByTestId('check-in-customer-button').click();
    await pick(page, 'check-in-form-staff', CLINICIAN);
    const checkedIn = api(page, 'POST', /^\/api\/v1\/visits$/);
    await page.getByTestId('check-in-form-submit').click();
    const response = await checkedIn;
    expect(response.status(), await response.text()).toBe(201);
    visitId = ((await response.json()) as { visit: { id: string } }).visit.id;
  });

  await test.step('redeems one 水光针 from the visit page in two clicks: 核销, then confirm', async () => {
    await page.goto(`/visits/${visitId}`);
    const remaining = page.getByTestId(`remaining-${packId}-${WATER_LIGHT}`);
    await expect(remaining).toHaveText('2 / 2');
    await page.getByTestId(`redeem-${packId}-${WATER_LIGHT}`).click();
    // The visit's clinician is already chosen: the second click confirms.
    await expect(page.getByTestId('redeem-clinician')).toContainText('周医生');
    const redeemed = api(page, 'POST', new RegExp(`^/api/v1/session-packs/${packId}/redemptions$`));
    await page.getByTestId('redeem-form-submit').click();
    const response = await redeemed;
    expect(response.status(), await response.text()).toBe(201);
    await expect(page.getByTestId('redeem-form')).toBeHidden();
    await expect(remaining).toHaveText('1 / 2');
  });

  await test.step('her pack shows one session fewer', async () => {
    await page.goto(`/customers/${customerId}?tab=packs&pack=${packId}`);
    await expect(page.getByTestId(`pack-remaining-${packId}`)).toHaveText('4 / 5');
    await expect(page.getByTestId(`pack-item-remaining-${packId}-${WATER_LIGHT}`)).toHaveText('1 / 2');
  });
});
