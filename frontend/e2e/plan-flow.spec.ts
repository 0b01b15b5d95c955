import { expect, test } from '@playwright/test';
import { signIn } from './session';
import { api, pick } from './ui';

/**
 * Demo chain A's 王芳 paid for 水光针 ten days ago, and 王咨询 drafted and revised her annual plan (030-demo-plans.sql).
 * The consultant opens her 年度规划 tab, sees the planned-vs-actual curve and the versions, adds 热玛吉 in the fourth
 * quarter and saves it as the next version with a reason; the curve and the history follow.
 */
const WANG_FANG = '01900000-0000-7000-8000-000000c00002';

test('a consultant revises a converted customer’s annual plan and sees the curve', async ({ page }) => {
  await signIn(page, 'a.consultant');
  const loaded = api(page, 'GET', new RegExp(`^/api/v1/customers/${WANG_FANG}/plan$`));
  await page.goto(`/customers/${WANG_FANG}?tab=plan`);
  const first = await loaded;
  expect(first.status(), await first.text()).toBe(200);
  const before = ((await first.json()) as { version: number }).version;
  const tab = page.getByTestId('customer-plan');
  await expect(tab.getByTestId('plan-version')).toHaveText(`版本 ${before}`);
  await expect(tab.getByTestId('plan-curve').locator('svg')).toBeVisible();
  await expect(tab.getByTestId('plan-items')).toContainText('水光针');
  await expect(tab.getByTestId('plan-versions')).toContainText('客户希望先做玻尿酸');

  const lines = await tab.locator('[data-testid^="plan-line-item-"]').count();
  await tab.getByTestId('plan-add-line').click();
  await pick(page, `plan-line-item-${lines}`, '热玛吉');
  await pick(page, `plan-line-period-${lines}`, '第4季度');
  await tab.getByTestId(`plan-line-amount-${lines}`).fill('18800');
  await tab.getByTestId('plan-reason').fill('客户生日前想做热玛吉');
  const saving = api(page, 'PUT', new RegExp(`^/api/v1/customers/${WANG_FANG}/plan$`));
  await tab.getByTestId('plan-save').click();
  const saved = await saving;
  expect(saved.status(), await saved.text()).toBe(200);
  await expect(tab.getByTestId('plan-version')).toHaveText(`版本 ${before + 1}`);
  await expect(tab.getByTestId('plan-items')).toContainText('热玛吉');
  await expect(tab.getByTestId('plan-versions')).toContainText('客户生日前想做热玛吉');
  await expect(tab.getByTestId('plan-curve').locator('svg')).toBeVisible();
});
