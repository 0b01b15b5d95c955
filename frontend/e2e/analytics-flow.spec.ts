import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signIn } from './session';
import { api, pick } from './ui';

/**
 * Demo chain A's 王芳 (home clinic 上海静安店) first visited twenty days ago and paid for 水光针 ten days ago: a new
 * customer in her first member year. The manager opens the dashboard, narrows it to 上海静安店, goes on to member
 * analytics for that clinic, picks the new-customer segment, opens 王芳's five gold standards (radar and curves) and
 * exports the segment.
 */
const WANG_FANG = '01900000-0000-7000-8000-000000c00002';
const JING_AN = '01900000-0000-7000-8000-0000000ac001';

test('a manager goes from the dashboard to a clinic’s segment, a member’s five standards and the export', async ({ page }) => {
  await signIn(page, 'a.manager');
  await page.goto('/analytics/dashboard');
  await expect(page.getByTestId('dashboard-page')).toBeVisible();

  // Every panel asks again, for that clinic only.
  const narrowed = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/v1/analytics/dashboard/revenue' && url.searchParams.get('clinicId') === JING_AN;
  });
  await pick(page, 'dashboard-clinic-filter', '上海静安店');
  const panel = await narrowed;
  expect(panel.status(), await panel.text()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`clinicId=${JING_AN}`));

  await page.getByTestId('dashboard-member-analytics').click();
  await expect(page.getByTestId('member-analytics-page')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/analytics/members\\?clinicId=${JING_AN}`));
  await expect(page.getByTestId('segments-clinic')).toContainText('上海静安店');

  // The segment's option names its count ("新客 · 3 人"), so it is picked by its name.
  const picker = page.getByTestId('segments-picker');
  await picker.click();
  const listId = await picker.getByRole('combobox').getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  const members = api(page, 'GET', /^\/api\/v1\/analytics\/segments\/NEW\/members$/);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: /^新客 · \d+ 人$/ }).click();
  const listed = await members;
  expect(listed.status(), await listed.text()).toBe(200);
  expect(new URL(listed.url()).searchParams.get('clinicId')).toBe(JING_AN);
  const page1 = (await listed.json()) as { items: { id: string; name: string }[] };
  expect(page1.items.map((m) => m.id)).toContain(WANG_FANG);

  const standards = api(page, 'GET', new RegExp(`^/api/v1/analytics/customers/${WANG_FANG}/standards$`));
  await page.getByTestId(`segment-member-${WANG_FANG}`).click();
  const answered = await standards;
  expect(answered.status(), await answered.text()).toBe(200);
  const drawer = page.getByTestId('segment-member-drawer');
  await expect(drawer.getByTestId('member-standards')).toBeVisible();
  await expect(drawer.getByTestId('standards-radar').locator('svg')).toBeVisible();
  await expect(drawer.getByTestId('standards-spend-curve').locator('svg')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const exported = api(page, 'GET', /^\/api\/v1\/analytics\/segments\/NEW\/export$/);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('segments-export').click();
  const response = await exported;
  expect(response.status()).toBe(200);
  const download = await downloading;
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = text.trim().split(/\r\n/);
  // A header, then one row per new customer of 上海静安店: as many as the server counted.
  expect(rows.length - 1).toBe(Number(response.headers()['x-total-count']));
  expect(text).toContain('王芳');
});
