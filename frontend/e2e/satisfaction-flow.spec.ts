import { expect, test } from '@playwright/test';
import { signIn } from './session';
import { api } from './ui';

/**
 * 王芳's consultation visit in demo chain A has no survey yet (007-demo-crm.sql, 028-demo-satisfaction.sql). The front
 * desk sends her a one-time link; in a browser that never signed in, on a phone-sized screen, she gives low scores;
 * the link then says it was used. The manager finds the complaint her answers opened, takes it and resolves it.
 */
const WANG_FANG_VISIT = '01900000-0000-7000-8000-000000e00003';

test('a low survey score through a one-time link opens a complaint that a manager resolves', async ({ page, browser }) => {
  let link = '';

  await test.step('a.frontdesk creates a survey link for the visit and copies it', async () => {
    await signIn(page, 'a.frontdesk');
    await page.goto(`/visits/${WANG_FANG_VISIT}`);
    const card = page.getByTestId('visit-survey');
    await expect(card).toContainText('尚未回访');
    const created = api(page, 'POST', /^\/api\/v1\/satisfaction\/survey-links$/);
    await card.getByTestId('survey-create-link').click();
    const response = await created;
    expect(response.status(), await response.text()).toBe(201);
    link = (await page.getByTestId('survey-link-url').innerText()).trim();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  });

  const customer = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const phone = await customer.newPage();

  await test.step('without signing in, on a 375 px screen, she answers with low scores', async () => {
    await phone.goto(link);
    await expect(phone.getByTestId('public-survey-intro')).toContainText('感谢您');
    await expect(phone.getByTestId('public-survey-intro')).not.toContainText('王芳');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.getByTestId('public-survey-result').locator('.ant-rate-star').nth(0).click();
    await phone.getByTestId('public-survey-experience').locator('.ant-rate-star').nth(1).click();
    // The radio input itself is hidden; its button is the label.
    await phone.getByTestId('public-survey-nps').locator('label').filter({ hasText: /^3$/ }).click();
    await phone.getByTestId('public-survey-comment').fill('效果和预期差距很大');
    const submitted = api(phone, 'POST', /^\/api\/v1\/public\/surveys\//);
    await phone.getByTestId('public-survey-submit').click();
    const response = await submitted;
    expect(response.status(), await response.text()).toBe(200);
    await expect(phone.getByTestId('public-survey-thanks')).toBeVisible();
  });

  await test.step('opening the link again shows it was used', async () => {
    await phone.goto(link);
    await expect(phone.getByTestId('public-survey-unavailable')).toContainText('此问卷已填写过');
    await customer.close();
  });

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();

  await test.step('a.manager sees the new complaint on the board, takes it and resolves it with a note', async () => {
    await signIn(manager, 'a.manager');
    await manager.getByTestId('nav-complaints').click();
    const row = manager.getByTestId('complaints-list-table').getByRole('row').filter({ hasText: '效果和预期差距很大' });
    await expect(row).toContainText('王芳');
    await expect(row).toContainText('严重');
    await expect(row).toContainText('待处理');
    const taken = api(manager, 'POST', /^\/api\/v1\/satisfaction\/complaints\/[^/]+\/status$/);
    await row.getByTestId(/^complaint-take-/).click();
    expect((await taken).status()).toBe(200);
    await expect(row).toContainText('处理中');
    // antd spaces out a two-character Chinese label (解 决): find the button by its test id.
    await row.getByTestId(/^complaint-resolve-/).click();
    await manager.getByTestId('complaint-note').fill('已致电致歉，安排免费复诊');
    const resolved = api(manager, 'POST', /^\/api\/v1\/satisfaction\/complaints\/[^/]+\/status$/);
    await manager.getByTestId('complaint-note-save').click();
    const response = await resolved;
    expect(response.status(), await response.text()).toBe(200);
    await expect(row).toContainText('已解决');
    await expect(row).toContainText('已致电致歉，安排免费复诊');
    await managerContext.close();
  });
});
