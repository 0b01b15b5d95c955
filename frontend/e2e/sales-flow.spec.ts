import { expect, test, type Page } from '@playwright/test';
import { signIn } from './session';
import { refundLine, registerCustomer, sell } from './ui';

/**
 * Demo chain A's tiers: 普卡 from 10,000 (2% off), 银卡 from 30,000 on lifetime spend; 1 point per yuan, ×1.5 at
 * 银卡. A new customer buys 热玛吉 (18,800: 普卡), then 双眼皮 + 水光针 at 普卡 prices (14,190.40: 32,990.40
 * in all, 银卡); refunding 双眼皮 takes her back under 30,000 and to 普卡, and takes back its points.
 */
test('a manager sells to a customer, her tier rises from 普卡 to 银卡 with points, and a refund takes both back', async ({ page }) => {
  const name = `会员${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  let customerId = '';
  let secondOrder = '';

  await test.step('a.manager registers a new customer', async () => {
    await signIn(page, 'a.manager');
    customerId = await registerCustomer(page, name, phone);
  });

  await test.step('sells her 热玛吉: she becomes 普卡 with 18,800 points', async () => {
    const order = await sell(page, name, ['热玛吉']);
    expect(order.tierName).toBeNull();
    await expect(page.getByTestId('receipt-points')).toHaveText('18800');
    await openMembership(page, customerId);
    await expect(page.getByTestId('tier-name')).toHaveText('普卡');
    await expect(page.getByTestId('points-balance')).toContainText('18,800');
  });

  await test.step('sells her 双眼皮 and 水光针 at 普卡 prices: she becomes 银卡 and earns more points', async () => {
    const order = await sell(page, name, ['双眼皮', '水光针']);
    secondOrder = order.id;
    expect(order.tierName).toBe('普卡');
    expect(order.total.amount).toBe(1_419_040);
    await expect(page.getByTestId('receipt-points')).toHaveText('14190');
    await openMembership(page, customerId);
    await expect(page.getByTestId('tier-name')).toHaveText('银卡');
    await expect(page.getByTestId('points-balance')).toContainText('32,990');
  });

  await test.step('refunds 双眼皮: back to 普卡, and its points are taken back', async () => {
    await refundLine(page, secondOrder, 1, '客户改期，先退双眼皮');
    await expect(page.getByTestId('refund-result-money')).toContainText('12,544');
    await expect(page.getByTestId('refund-result-points')).toHaveText('12544');
    await openMembership(page, customerId);
    await expect(page.getByTestId('tier-name')).toHaveText('普卡');
    await expect(page.getByTestId('points-balance')).toContainText('20,446');
  });
});

async function openMembership(page: Page, customerId: string) {
  await page.goto(`/customers/${customerId}`);
  await page.getByRole('tab', { name: '会员与积分' }).click();
}
