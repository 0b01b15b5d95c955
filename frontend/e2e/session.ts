import { expect, type Page } from '@playwright/test';

const PASSWORD = process.env.MEIKE_DEMO_PASSWORD || 'meike-demo';

/** Signs in through the real Keycloak login page and waits for the app shell (GET /me done). */
export async function signIn(page: Page, username: string) {
  await page.goto('/');
  await page.getByTestId('sign-in-button').click();
  // Keycloak's login form.
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  // Back in the SPA after /callback; the shell renders once /api/v1/me answered.
  await expect(page.getByTestId('user-menu')).toBeVisible({ timeout: 60_000 });
}

/** Signs out (ends the Keycloak session) and waits for the signed-out landing page. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('sign-in-button')).toBeVisible({ timeout: 60_000 });
}
