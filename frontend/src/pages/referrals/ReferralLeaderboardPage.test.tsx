import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Leaderboard = components['schemas']['ReferralLeaderboard'];

const CONSULTANT = '01900000-0000-7000-8000-0000000a5003';
const cny = (amount: number) => ({ amount, currency: 'CNY' });

function board(by: Leaderboard['by'], from: string, to: string): Leaderboard {
  const row = { referrals: 3, firstPaymentSpend: cny(360000), rewardPoints: 1000, rewardCoupons: 1, rewardBonus: cny(20000) };
  return {
    by,
    from,
    to,
    items: by === 'CLINIC'
      ? [{ ...row, clinicId: clinic(2).id, consultantId: null }, { ...row, referrals: 1, clinicId: clinic(1).id, consultantId: null }]
      : [{ ...row, clinicId: null, consultantId: CONSULTANT }],
  };
}

function managerApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['manager']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', {
      items: [{ id: CONSULTANT, displayName: '陈咨询', roles: ['consultant'], allClinics: true, clinicIds: [] }],
      nextCursor: null,
    })
    .on('GET', '/api/v1/referrals/leaderboard', (req: Request) => {
      const q = new URL(req.url).searchParams;
      return json(board(q.get('by') as Leaderboard['by'], q.get('from')!, q.get('to')!));
    });
}

describe('Referral leaderboard', () => {
  it('ranks clinics for this month in the chain’s time zone, then consultants, from the manager’s menu', async () => {
    const user = userEvent.setup();
    const api = managerApi();
    renderApp(api, { path: '/reports/referrals' });
    expect(await screen.findByTestId('nav-referralLeaderboard')).toHaveTextContent('推荐排行');
    const table = await screen.findByTestId('leaderboard-table');
    await waitFor(() => expect(within(table).getAllByTestId('leaderboard-name').map((e) => e.textContent)).toEqual(['上海2号店', '上海1号店']));
    expect(within(table).getAllByTestId('leaderboard-referrals').map((e) => e.textContent)).toEqual(['3', '1']);
    expect(table).toHaveTextContent('¥3,600.00');
    expect(table).toHaveTextContent('¥200.00');
    const [first] = api.calls('GET', '/api/v1/referrals/leaderboard');
    expect(first.query.get('by')).toBe('CLINIC');
    expect(first.query.get('from')).toMatch(/-01T00:00:00\+08:00$/);
    expect(first.query.get('to')).toMatch(/-01T00:00:00\+08:00$/);

    await user.click(screen.getByTestId('leaderboard-by-CONSULTANT'));
    await waitFor(() => expect(within(screen.getByTestId('leaderboard-table')).getAllByTestId('leaderboard-name').map((e) => e.textContent)).toEqual(['陈咨询']));
    expect(api.calls('GET', '/api/v1/referrals/leaderboard').at(-1)!.query.get('by')).toBe('CONSULTANT');
  });

  it('says what went wrong when the leaderboard cannot be read', async () => {
    const api = managerApi().on('GET', '/api/v1/referrals/leaderboard', problem(403, { type: 'https://meike.app/problems/forbidden', title: 'Not allowed' }));
    renderApp(api, { path: '/reports/referrals' });
    expect(await screen.findByTestId('leaderboard-error')).toBeInTheDocument();
  });
});
