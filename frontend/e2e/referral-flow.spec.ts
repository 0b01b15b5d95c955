import { expect, test, type Page } from '@playwright/test';
import { signIn } from './session';
import { api, refundLine, registerCustomer, sell } from './ui';

/** Demo chain A's 刘洋, whom 李静 referred (demo data). */
const LIU_YANG = '01900000-0000-7000-8000-000000c00004';
const LI_JING = '01900000-0000-7000-8000-000000c00001';

/**
 * Demo chain A's referral rules: 1,000 points for the referrer, a 满1000减200 cash voucher for her referrer, when the
 * referee's first order clears 1,000.00. A new customer comes with 刘洋 and pays 水光针 (1,680.00): 刘洋 earns the
 * points and 李静 the voucher; refunding the order takes both back.
 */
test('a friend is referred, pays, the referrers are rewarded, and a refund takes the rewards back', async ({ page }) => {
  const name = `闺蜜${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  let orderId = '';

  await test.step('a.manager registers the friend and records 刘洋 as her referrer, with the evidence', async () => {
    await signIn(page, 'a.manager');
    await registerCustomer(page, name, phone);
    await page.getByRole('tab', { name: '推荐', exact: true }).click();
    await page.getByTestId('set-referrer').click();
    const picker = page.getByTestId('set-referrer-picker');
    await picker.click();
    await picker.locator('input').fill('刘洋');
    await page.locator('.ant-select-item-option', { hasText: '刘洋' }).first().click();
    await page.getByTestId('set-referrer-evidence').fill('刘洋陪同到店，前台登记');
    const saved = api(page, 'PUT', /^\/api\/v1\/referrals\/customers\/[^/]+\/referrer$/);
    await page.getByTestId('set-referrer-submit').click();
    const response = await saved;
    expect(response.status(), await response.text()).toBe(200);
    await expect(page.getByTestId('referrals-referrer')).toHaveText('刘洋');
    await expect(page.getByTestId('referrals-evidence')).toHaveText('刘洋陪同到店，前台登记');
  });

  await test.step('sells her 水光针, paid in cash', async () => {
    orderId = (await sell(page, name, ['水光针'])).id;
  });

  await test.step('刘洋 sees 1,000 points paid, 李静 the level-2 voucher', async () => {
    const own = await rewardOf(page, LIU_YANG, name);
    await expect(own.getByTestId('reward-kind')).toHaveText('1000 积分');
    await expect(own.getByTestId('reward-status')).toHaveText('已发放');
    await expect(page.getByTestId('referrals-counted')).not.toHaveText('0');
    const second = await rewardOf(page, LI_JING, name);
    await expect(second.getByTestId('reward-kind')).toHaveText('优惠券：满1000减200现金券');
    await expect(second.getByTestId('reward-status')).toHaveText('已发放');
  });

  await test.step('refunding the order reverses both rewards', async () => {
    await refundLine(page, orderId, 1, '客户不满意，全额退款');
    const own = await rewardOf(page, LIU_YANG, name);
    await expect(own.getByTestId('reward-status')).toHaveText('已收回（0 分已用无法收回）');
    const second = await rewardOf(page, LI_JING, name);
    await expect(second.getByTestId('reward-status')).toHaveText('已收回（0 张已使用无法收回）');
  });
});

/** The referrer's 推荐 tab, and her reward row for this referee. */
async function rewardOf(page: Page, referrerId: string, refereeName: string) {
  await page.goto(`/customers/${referrerId}`);
  await page.getByRole('tab', { name: '推荐', exact: true }).click();
  return page.getByTestId('referral-rewards').locator('tr', { hasText: refereeName });
}
