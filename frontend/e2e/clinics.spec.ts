import { expect, test, type Page } from '@playwright/test';
import { signIn, signOut } from './session';

/** Opens the clinics screen and waits for the first page of the list to load successfully. */
async function openClinics(page: Page) {
  const list = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/clinics' && r.request().method() === 'GET',
  );
  await page.getByTestId('nav-clinics').click();
  expect((await list).status(), 'GET /api/v1/clinics').toBe(200);
  await expect(page.getByTestId('clinics-table')).toBeVisible();
  await expect(page.getByTestId('clinics-table').locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(page.getByTestId('clinics-error')).toHaveCount(0);
}

async function search(page: Page, q: string) {
  const searched = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/v1/clinics' && url.searchParams.get('q') === q;
  });
  await page.getByTestId('clinics-search').fill(q);
  await page.getByTestId('clinics-search').press('Enter');
  expect((await searched).status(), `GET /api/v1/clinics?q=${q}`).toBe(200);
  await expect(page.getByTestId('clinics-table').locator('.ant-spin-spinning')).toHaveCount(0);
}

test('signed out: the landing page offers sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('sign-in-button')).toBeVisible();
  await expect(page.getByTestId('sign-in-button')).toContainText('Sign in');
});

test("a chain admin adds a clinic; another chain's admin cannot see it", async ({ page }) => {
  // Unique per run: the code allows letters, digits and hyphens, at most 20 characters.
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const name = `E2E 测试门店 ${code}`;

  await test.step('a.admin adds the clinic', async () => {
    await signIn(page, 'a.admin');
    await openClinics(page);
    await page.getByTestId('add-clinic-button').click();
    await page.getByTestId('clinic-form-code').fill(code);
    await page.getByTestId('clinic-form-name').fill(name);
    const created = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/clinics' && r.request().method() === 'POST',
    );
    await page.getByTestId('clinic-form-submit').click();
    const response = await created;
    expect(response.status(), `POST /api/v1/clinics: ${await response.text()}`).toBe(201);
    await expect(page.getByTestId('clinic-form-submit')).toBeHidden();
  });

  await test.step('a.admin sees it listed', async () => {
    await search(page, code);
    await expect(page.getByTestId('clinics-table').getByText(name)).toBeVisible();
  });

  await test.step('sign out', async () => {
    await signOut(page);
  });

  await test.step("b.admin's list loads without it", async () => {
    await signIn(page, 'b.admin');
    await openClinics(page);
    await expect(page.getByTestId('clinics-table').getByText(name)).toHaveCount(0);
    await search(page, code);
    await expect(page.getByTestId('clinics-empty')).toBeVisible();
    await expect(page.getByTestId('clinics-table').getByText(name)).toHaveCount(0);
  });
});
