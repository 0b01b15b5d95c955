import { expect, test } from '@playwright/test';
import { signIn, signOut } from './session';
import { api, pick, registerCustomer } from './ui';

/**
 * Characters with a single reading each, so the pinyin initials the server derives are known: a name built
 * from them is found by its initials, and four of them make the initials practically unique for the run.
 */
const SURNAMES: [string, string][] = [
  ['蔺', 'l'],
  ['栾', 'l'],
  ['甄', 'z'],
  ['裴', 'p'],
  ['滕', 't'],
  ['阮', 'r'],
  ['邝', 'k'],
  ['闵', 'm'],
];
const GIVEN: [string, string][] = [
  ['萱', 'x'],
  ['瑶', 'y'],
  ['臻', 'z'],
  ['珂', 'k'],
  ['瑾', 'j'],
  ['琪', 'q'],
  ['蓉', 'r'],
  ['沐', 'm'],
  ['妮', 'n'],
  ['姝', 's'],
  ['婉', 'w'],
  ['芙', 'f'],
  ['璐', 'l'],
  ['蓓', 'b'],
  ['黛', 'd'],
  ['岑', 'c'],
];

function randomName(): { name: string; initials: string } {
  const chosen = [SURNAMES[Math.floor(Math.random() * SURNAMES.length)]];
  for (let i = 0; i < 3; i++) chosen.push(GIVEN[Math.floor(Math.random() * GIVEN.length)]);
  return { name: chosen.map(([c]) => c).join(''), initials: chosen.map(([, i]) => i).join('') };
}

test('front desk registers, books and checks in a customer; the consultant records her assessment; her timeline shows it all', async ({ page }) => {
  const { name, initials } = randomName();
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  let customerId = '';
  let appointmentId = '';
  let visitId = '';
  let consultationId = '';

  await test.step('a.frontdesk starts at the check-in desk', async () => {
    await signIn(page, 'a.frontdesk');
    await expect(page.getByTestId('desk-page')).toBeVisible();
  });

  await test.step('registers the customer', async () => {
    customerId = await registerCustomer(page, name, phone);
  });

  await test.step('books her at 上海静安店 from her page', async () => {
    await page.getByTestId('book-customer-button').click();
    await expect(page.getByTestId('booking-form-customer-name')).toHaveText(name);
    await expect(page.getByTestId('booking-form-clinic')).toContainText('上海静安店');
    const booked = api(page, 'POST', /^\/api\/v1\/appointments$/);
    await page.getByTestId('booking-form-submit').click();
    const response = await booked;
    expect(response.status(), `POST /api/v1/appointments: ${await response.text()}`).toBe(201);
    appointmentId = ((await response.json()) as { id: string }).id;
    await expect(page.getByTestId('booking-form')).toBeHidden();
  });

  await test.step('checks her in from the desk', async () => {
    const listed = api(page, 'GET', /^\/api\/v1\/appointments$/);
    await page.getByTestId('nav-desk').click();
    expect((await listed).status()).toBe(200);
    await expect(page.getByTestId(`desk-customer-${appointmentId}`)).toHaveText(name);
    await page.getByTestId(`arrive-${appointmentId}`).click();
    const arrived = api(page, 'POST', new RegExp(`^/api/v1/appointments/${appointmentId}/arrive$`));
    await page.getByRole('button', { name: /确 定|OK/ }).click();
    const response = await arrived;
    expect(response.status(), `POST arrive: ${await response.text()}`).toBe(201);
    visitId = ((await response.json()) as { id: string }).id;
    await expect(page.getByTestId(`here-customer-${visitId}`)).toHaveText(name);
    await expect(page.getByTestId(`desk-status-${appointmentId}`)).toHaveText('已到店');
  });

  await test.step('sign out', async () => {
    await signOut(page);
  });

  await test.step('a.consultant records a consultation with two ranked needs on that visit', async () => {
    await signIn(page, 'a.consultant');
    const listed = api(page, 'GET', /^\/api\/v1\/visits$/);
    await page.getByTestId('nav-desk').click();
    expect((await listed).status()).toBe(200);
    await page.getByTestId(`record-consultation-${visitId}`).click();
    await page.getByTestId('consultation-form-summary').fill('希望改善色斑和法令纹');
    await page.getByTestId('add-need').click();
    await pick(page, 'need-0-area', '皮肤');
    await page.getByTestId('need-0-concern').fill('色斑');
    await pick(page, 'need-0-items', '光子嫩肤');
    await pick(page, 'need-0-items', 'M22 光子嫩肤');
    await page.getByTestId('add-need').click();
    await pick(page, 'need-1-area', '面颊');
    await page.getByTestId('need-1-concern').fill('法令纹');
    await pick(page, 'need-1-items', '玻尿酸填充');
    const recorded = api(page, 'POST', /^\/api\/v1\/consultations$/);
    await page.getByTestId('consultation-form-submit').click();
    const response = await recorded;
    expect(response.status(), `POST /api/v1/consultations: ${await response.text()}`).toBe(201);
    const body = (await response.json()) as { id: string; needs: { rank: number; concern: string; suggestedItems: unknown[] }[] };
    consultationId = body.id;
    expect(body.needs.map((n) => [n.rank, n.concern, n.suggestedItems.length])).toEqual([
      [1, '色斑', 2],
      [2, '法令纹', 1],
    ]);
    await expect(page.getByTestId('consultation-form')).toBeHidden();
  });

  await test.step('finds her by pinyin initials', async () => {
    await page.getByTestId('nav-customers').click();
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/customers' && url.searchParams.get('q') === initials;
    });
    await page.getByTestId('customers-search').fill(initials);
    await page.getByTestId('customers-search').press('Enter');
    expect((await searched).status()).toBe(200);
    await expect(page.getByTestId(`customer-link-${customerId}`)).toHaveText(name);
    await page.getByTestId(`customer-link-${customerId}`).click();
    await expect(page.getByTestId('customer-name')).toHaveText(name);
  });

  await test.step('her timeline shows the appointment, the visit and the consultation', async () => {
    const timeline = api(page, 'GET', new RegExp(`^/api/v1/customers/${customerId}/timeline$`));
    await page.getByRole('tab', { name: '客户动态' }).click();
    expect((await timeline).status()).toBe(200);
    const appointment = page.getByTestId(`timeline-entry-${appointmentId}`);
    await expect(appointment).toHaveAttribute('data-kind', 'APPOINTMENT');
    await expect(appointment.getByTestId('timeline-status')).toHaveText('已到店');
    const visit = page.getByTestId(`timeline-entry-${visitId}`);
    await expect(visit).toHaveAttribute('data-kind', 'VISIT');
    await expect(visit.getByTestId('timeline-status')).toHaveText('在店');
    const consultation = page.getByTestId(`timeline-entry-${consultationId}`);
    await expect(consultation).toHaveAttribute('data-kind', 'CONSULTATION');
    await expect(consultation.getByTestId('timeline-status')).toHaveText('待定');
    await expect(consultation.getByTestId('timeline-link')).toHaveText('色斑 · 法令纹');
  });
});
