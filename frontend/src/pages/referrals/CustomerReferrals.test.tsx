import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { customer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { walletApi } from '../../test/walletFixtures';

type Referrals = components['schemas']['CustomerReferrals'];
type Reward = components['schemas']['ReferralRewardEarned'];

const HER = customer(1);
const FRIEND = customer(7, { name: '周姐' });
const ID = (n: number) => `00000000-0000-7000-8000-00000000000${n}`;
const COUPON_TYPE = ID(9);

function reward(n: number, overrides: Partial<Reward>): Reward {
  return {
    id: ID(n), refereeId: ID(3), refereeName: '李妹', level: 1, kind: 'POINTS', points: null, amount: null, couponTypeId: null, couponId: null,
    status: 'PAID', cappedBy: null, takenBack: null, shortfall: null, paidAt: '2026-02-02T00:00:00Z', reversedAt: null, ...overrides,
  };
}

const REFERRALS: Referrals = {
  customerId: HER.id,
  referrer: { id: ID(2), name: '王姐', attachedAt: '2026-01-01T00:00:00Z', attachedBy: 'kc-1', evidence: '到店出示了王姐的微信' },
  referees: [{ id: ID(3), name: '李妹', attachedAt: '2026-02-01T00:00:00Z', countedAt: '2026-02-02T00:00:00Z', referees: [{ id: ID(4), name: '赵妹', attachedAt: null, countedAt: null, referees: [] }] }],
  countedThisMemberYear: 1,
  memberYearFrom: '2025-06-01T00:00:00Z',
  rewards: [
    reward(5, { points: 500 }),
    reward(6, { level: 2, refereeName: '赵妹', points: 200, status: 'REVERSED', takenBack: 50, shortfall: 150, reversedAt: '2026-02-04T00:00:00Z' }),
    reward(7, { kind: 'COUPON', couponTypeId: COUPON_TYPE, couponId: ID(8) }),
    reward(8, { kind: 'STORED_VALUE_BONUS', amount: { amount: 20000, currency: 'CNY' }, status: 'REVERSED', takenBack: 15000, shortfall: 5000 }),
    reward(9, { status: 'CAPPED', cappedBy: 'MEMBER_YEAR', points: 500 }),
  ],
};

function api(roles: Parameters<typeof walletApi>[0] = ['consultant']) {
  return walletApi(roles, HER, { account: null, entries: [] })
    .on('GET', `/api/v1/referrals/customers/${HER.id}`, json(REFERRALS))
    .on('GET', '/api/v1/coupons/types', { items: [{ id: COUPON_TYPE, name: '推荐奖励券' }], nextCursor: null })
    .on('GET', '/api/v1/customers', { items: [FRIEND], nextCursor: null });
}

async function openTab(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('tab', { name: '推荐' }));
  return screen.findByTestId('customer-referrals');
}

async function chooseFriend(user: ReturnType<typeof userEvent.setup>, evidence: string) {
  await user.click(screen.getByTestId('set-referrer'));
  await user.type(within(await screen.findByTestId('set-referrer-picker')).getByRole('combobox'), '周姐');
  await user.click(await screen.findByTitle(`周姐 · ${FRIEND.phone}`));
  await fill(user, screen.getByTestId('set-referrer-evidence'), evidence);
  await user.click(screen.getByTestId('set-referrer-submit'));
}

describe('Customer referrals tab', () => {
  it('shows her referrer with the evidence, the two levels she brought and each reward’s kind and status', async () => {
    const user = userEvent.setup();
    renderApp(api(), { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    expect(within(tab).getByTestId('referrals-referrer')).toHaveTextContent('王姐');
    expect(within(tab).getByTestId('referrals-evidence')).toHaveTextContent('到店出示了王姐的微信');
    expect(within(tab).getByTestId('referrals-counted')).toHaveTextContent('1');
    expect(within(tab).getByTestId(`referee-${ID(3)}`)).toHaveTextContent('已首次付款');
    expect(within(tab).getByTestId(`referee-${ID(4)}`)).toHaveTextContent('未付款');
    await waitFor(() =>
      expect(within(tab).getAllByTestId('reward-kind').map((e) => e.textContent)).toEqual([
        '500 积分', '200 积分', '优惠券：推荐奖励券', '储值赠送 ¥200.00', '500 积分',
      ]),
    );
    expect(within(tab).getAllByTestId('reward-status').map((e) => e.textContent)).toEqual([
      '已发放', '已收回（150 分已用无法收回）', '已发放', '已收回（¥50.00 已消费无法收回）', '已达会员年上限，未发放',
    ]);
  });

  it('sets her referrer with the evidence through PUT …/referrer', async () => {
    const user = userEvent.setup();
    const fake = api().on('PUT', `/api/v1/referrals/customers/${HER.id}/referrer`, json({ ...REFERRALS, referrer: { ...REFERRALS.referrer!, id: FRIEND.id, name: '周姐', evidence: '朋友圈截图' } }));
    renderApp(fake, { path: `/customers/${HER.id}` });
    await openTab(user);
    await chooseFriend(user, '朋友圈截图');
    await waitFor(() => expect(fake.calls('PUT', `/api/v1/referrals/customers/${HER.id}/referrer`)).toHaveLength(1));
    expect(fake.calls('PUT', `/api/v1/referrals/customers/${HER.id}/referrer`)[0].body).toEqual({ referrerId: FRIEND.id, evidence: '朋友圈截图' });
    expect(await screen.findByText('已关联推荐人「周姐」')).toBeInTheDocument();
  });

  it('says why the referrer cannot change once a reward was paid (409)', async () => {
    const user = userEvent.setup();
    const fake = api().on('PUT', `/api/v1/referrals/customers/${HER.id}/referrer`, problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'A reward was paid' }));
    renderApp(fake, { path: `/customers/${HER.id}` });
    await openTab(user);
    await chooseFriend(user, '搞错了');
    expect(await screen.findByText('该客户的推荐奖励已发放，不能再更改推荐人')).toBeInTheDocument();
  });

  it('offers no referrer change to a clinician', async () => {
    const user = userEvent.setup();
    renderApp(api(['clinician']), { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    expect(within(tab).queryByTestId('set-referrer')).not.toBeInTheDocument();
  });

  it('says what went wrong when her referrals cannot be read', async () => {
    const user = userEvent.setup();
    const fake = walletApi(['consultant'], HER, { account: null, entries: [] }).on('GET', `/api/v1/referrals/customers/${HER.id}`, problem(404, { type: 'https://meike.app/problems/not-found', title: 'Not found', detail: 'Customer not found' }));
    renderApp(fake, { path: `/customers/${HER.id}` });
    await user.click(await screen.findByRole('tab', { name: '推荐' }));
    expect(await screen.findByTestId('error-alert')).toBeInTheDocument();
  });
});
