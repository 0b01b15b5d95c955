import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Rules = components['schemas']['ReferralRules'];

const UNSET: Rules = { configured: false, level1: null, level2: null, minimumSpend: { amount: 0, currency: 'CNY' }, monthlyCap: null, memberYearCap: null, updatedAt: null, version: 0 };
const COUPON_TYPE = '01900000-0000-7000-8000-0000000a8201';

function adminApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/referrals/rules', json(UNSET, 200, { ETag: '"0"' }))
    .on('GET', '/api/v1/coupons/types', { items: [{ id: COUPON_TYPE, name: '满1000减200现金券' }], nextCursor: null });
}

/** Picks an option of an antd Select by its text (the newest dropdown is the last in the document). */
async function choose(user: ReturnType<typeof userEvent.setup>, testId: string, option: string) {
  await user.click(within(await screen.findByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]);
}

async function fillRules(user: ReturnType<typeof userEvent.setup>) {
  await choose(user, 'referral-level1-kind', '积分');
  await fill(user, await screen.findByTestId('referral-level1-points'), '500');
  await choose(user, 'referral-level2-kind', '积分');
  await fill(user, await screen.findByTestId('referral-level2-points'), '200');
  await user.clear(screen.getByTestId('referral-minimum'));
  await fill(user, screen.getByTestId('referral-minimum'), '1000');
  await user.click(screen.getByTestId('referral-rules-save'));
}

describe('Referral rules', () => {
  it('sets the first rules with If-Match "0": points per level and the minimum in fen, in the admin’s settings menu', async () => {
    const user = userEvent.setup();
    const saved: Rules = { ...UNSET, configured: true, level1: { kind: 'POINTS', points: 500 }, level2: { kind: 'POINTS', points: 200 }, minimumSpend: { amount: 100000, currency: 'CNY' }, version: 1 };
    const api = adminApi().on('PUT', '/api/v1/referrals/rules', json(saved, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/settings/referral-rules' });
    expect(await screen.findByText(/第三级及以上永不奖励/)).toBeInTheDocument();
    expect(screen.getByTestId('nav-referralRules')).toHaveTextContent('推荐规则');
    await fillRules(user);

    await waitFor(() => expect(api.calls('PUT', '/api/v1/referrals/rules')).toHaveLength(1));
    const [put] = api.calls('PUT', '/api/v1/referrals/rules');
    expect(put.headers.get('If-Match')).toBe('"0"');
    expect(put.body).toEqual({ level1: { kind: 'POINTS', points: 500 }, level2: { kind: 'POINTS', points: 200 }, minimumSpend: { amount: 100000, currency: 'CNY' }, monthlyCap: null, memberYearCap: null });
  });

  it('rewards with a coupon type and a stored-value bonus in fen, with a member-year cap', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('PUT', '/api/v1/referrals/rules', json({ ...UNSET, configured: true, version: 1 }, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/settings/referral-rules' });
    await choose(user, 'referral-level1-kind', '优惠券');
    await choose(user, 'referral-level1-coupon', '满1000减200现金券');
    await choose(user, 'referral-level2-kind', '储值赠送金');
    await fill(user, await screen.findByTestId('referral-level2-amount'), '88.5');
    await fill(user, screen.getByTestId('referral-year-cap'), '12');
    await user.click(screen.getByTestId('referral-rules-save'));

    await waitFor(() => expect(api.calls('PUT', '/api/v1/referrals/rules')).toHaveLength(1));
    expect(api.calls('PUT', '/api/v1/referrals/rules')[0].body).toEqual({
      level1: { kind: 'COUPON', couponTypeId: COUPON_TYPE },
      level2: { kind: 'STORED_VALUE_BONUS', amount: { amount: 8850, currency: 'CNY' } },
      minimumSpend: { amount: 0, currency: 'CNY' },
      monthlyCap: null,
      memberYearCap: 12,
    });
  });

  it('asks for the level-1 reward’s parameter before saving', async () => {
    const user = userEvent.setup();
    const api = adminApi();
    renderApp(api, { path: '/settings/referral-rules' });
    await choose(user, 'referral-level1-kind', '积分');
    await user.click(screen.getByTestId('referral-rules-save'));
    expect(await screen.findByText('请填写积分')).toBeInTheDocument();
    expect(api.calls('PUT', '/api/v1/referrals/rules')).toHaveLength(0);
  });

  it('explains a stale write (412)', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('PUT', '/api/v1/referrals/rules', problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' }));
    renderApp(api, { path: '/settings/referral-rules' });
    await fillRules(user);
    expect(await screen.findByTestId('referral-rules-save-error')).toHaveTextContent('其他人已修改了这条记录');
  });
});
