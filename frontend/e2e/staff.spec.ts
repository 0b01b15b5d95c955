import { expect, test } from '@playwright/test';
import { signIn } from './session';
import { api, pick } from './ui';

test('a chain admin invites staff limited to one clinic, edits and disables them; the audit log tells', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const username = `e2e.${stamp}`;
  const name = `E2E 员工 ${stamp}`;

  await signIn(page, 'a.admin');
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-table')).toBeVisible();

  await test.step('invite, limited to one clinic', async () => {
    await page.getByTestId('invite-staff-button').click();
    await page.getByTestId('staff-form-username').fill(username);
    await page.getByTestId('staff-form-display-name').fill(name);
    await page.getByTestId('staff-form-email').fill(`${username}@example.com`);
    await pick(page, 'staff-form-roles', '咨询师');
    await pick(page, 'staff-form-clinics');
    const created = api(page, 'POST', /^\/api\/v1\/staff$/);
    await page.getByTestId('staff-form-submit').click();
    const response = await created;
    expect(response.status(), `POST /api/v1/staff: ${await response.text()}`).toBe(201);
    const body = (await response.json()) as { staff: { allClinics: boolean; clinicIds: string[] } };
    expect(body.staff.allClinics).toBe(false);
    expect(body.staff.clinicIds).toHaveLength(1);
    await expect(page.getByTestId('initial-password')).not.toBeEmpty();
    await page.getByTestId('initial-password-done').click();
  });

  await test.step('choosing the chain admin role switches on "all clinics" before submit', async () => {
    await page.getByTestId(`edit-staff-${username}`).click();
    await expect(page.getByTestId('staff-form-display-name')).toHaveValue(name);
    await pick(page, 'staff-form-roles', '连锁管理员');
    await expect(page.getByTestId('staff-form-all-clinics')).toBeChecked();
    await expect(page.getByTestId('staff-form-all-clinics')).toBeDisabled();
    await page.getByRole('button', { name: /取 消|Cancel/ }).click();
  });

  await test.step('edit with If-Match', async () => {
    await page.getByTestId(`edit-staff-${username}`).click();
    await expect(page.getByTestId('staff-form-display-name')).toHaveValue(name);
    await page.getByTestId('staff-form-phone').fill('138 0000 0000');
    const saved = api(page, 'PATCH', /^\/api\/v1\/staff\/[^/]+$/);
    await page.getByTestId('staff-form-submit').click();
    const response = await saved;
    expect(response.status(), `PATCH /api/v1/staff: ${await response.text()}`).toBe(200);
    expect(response.request().headers()['if-match']).toMatch(/^"\d+"$/);
  });

  await test.step('disable', async () => {
    await page.getByTestId(`toggle-staff-${username}`).click();
    const disabled = api(page, 'PATCH', /^\/api\/v1\/staff\/[^/]+$/);
    await page.getByRole('button', { name: /确 定|OK/ }).click();
    expect((await disabled).status()).toBe(200);
    await expect(page.getByText(`已停用「${name}」`)).toBeVisible();
  });

  await test.step('the audit log names what happened to whom', async () => {
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect(table.getByRole('row').filter({ hasText: '停用员工' }).filter({ hasText: name }).first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: '邀请员工' }).filter({ hasText: name }).first()).toBeVisible();
  });
});
