import { expect, test } from '@playwright/test';
import { signIn } from './session';
import { api, pick } from './ui';

/**
 * a.manager opens 数据看板 from the menu over demo chain A's history: every panel answers, the revenue chart draws and
 * its figures download as CSV; filtering to one clinic puts it in the URL, asks every panel for that clinic, and the
 * link to member analytics carries it.
 */
test('a manager reads the dashboard, filters to a clinic and follows it to member analytics', async ({ page }) => {
  await test.step('every panel answers for this month', async () => {
    await signIn(page, 'a.manager');
    const panels = ['revenue', 'customers', 'consultations', 'membership', 'liabilities', 'engagement', 'consultants'].map(
      (panel) => api(page, 'GET', new RegExp(`^/api/v1/analytics/dashboard/${panel}$`)),
    );
    await page.getByTestId('nav-dashboard').click();
    for (const response of await Promise.all(panels)) expect(response.status(), await response.text()).toBe(200);
    await expect(page.getByTestId('kpi-revenue')).toContainText('较上期');
    await expect(page.getByTestId('dashboard-revenue-chart').locator('svg')).toBeVisible();
  });

  await test.step('the revenue chart downloads as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('dashboard-revenue').getByRole('button', { name: '下载 CSV' }).first().click();
    expect((await download).suggestedFilename()).toMatch(/^营收趋势_.*\.csv$/);
  });

  await test.step('one clinic: in the URL, in every panel, and carried to member analytics', async () => {
    const revenue = api(page, 'GET', /^\/api\/v1\/analytics\/dashboard\/revenue$/);
    await pick(page, 'dashboard-clinic-filter');
    const answered = await revenue;
    expect(answered.status()).toBe(200);
    const clinicId = new URL(answered.url()).searchParams.get('clinicId');
    expect(clinicId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page).toHaveURL(new RegExp(`clinicId=${clinicId}`));
    await expect(page.getByTestId('dashboard-member-analytics')).toHaveAttribute('href', `/analytics/members?clinicId=${clinicId}`);
  });
});
