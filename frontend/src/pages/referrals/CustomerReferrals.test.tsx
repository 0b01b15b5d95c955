import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { json, problem } from '../../test/fakeApi';
import { customer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { walletApi } from '../../test/walletFixtures';

type Referrals = components['schemas']['CustomerReferrals'];

const HER = customer(1);
const ID = (n: number) => `00000000-0000-7000-8000-00000000000${n}`;
const REFERRALS: Referrals = {
  customerId: HER.id,
  referrer: { id: ID(2), name: '王姐', attachedAt: '2026-01-01T00:00:00Z' },
  referees: [{ id: ID(3), name: '李妹', attachedAt: '2026-02-01T00:00:00Z', countedAt: '2026-02-02T00:00:00Z', referees: [{ id: ID(4), name: '赵妹', attachedAt: null, countedAt: null, referees: [] }] }],
  countedThisMemberYear: 1,
  memberYearFrom: null,
  rewards: [
    { id: ID(5), refereeId: ID(3), refereeName: '李妹', level: 1, kind: 'POINTS', points: 500, status: 'PAID', takenBack: null, shortfall: null, paidAt: '2026-02-02T00:00:00Z', reversedAt: null },
    { id: ID(6), refereeId: ID(4), refereeName: '赵妹', level: 2, kind: 'POINTS', points: 200, status: 'REVERSED', takenBack: 50, shortfall: 150, paidAt: '2026-02-03T00:00:00Z', reversedAt: '2026-02-04T00:00:00Z' },
  ],
};

async function openTab() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: '推荐' }));
}

describe('Customer referrals tab', () => {
  it('shows her referrer, the two levels she brought and her rewards, paid or reversed', async () => {
    const api = walletApi(['consultant'], HER, { account: null, entries: [] }).on('GET', `/api/v1/referrals/customers/${HER.id}`, json(REFERRALS));
    renderApp(api, { path: `/customers/${HER.id}` });
    await openTab();
    const tab = await screen.findByTestId('customer-referrals');
    expect(tab).toHaveTextContent('王姐');
    expect(within(tab).getByTestId('referrals-counted')).toHaveTextContent('1');
    expect(within(tab).getByTestId(`referee-${ID(3)}`)).toHaveTextContent('已首次付款');
    expect(within(tab).getByTestId(`referee-${ID(4)}`)).toHaveTextContent('未付款');
    expect(within(tab).getAllByTestId('reward-points').map((e) => e.textContent)).toEqual(['500', '200']);
    expect(within(tab).getAllByTestId('reward-status').map((e) => e.textContent)).toEqual(['已发放', '已收回（150 分已用无法收回）']);
  });

  it('says what went wrong when her referrals cannot be read', async () => {
    const api = walletApi(['consultant'], HER, { account: null, entries: [] }).on('GET', `/api/v1/referrals/customers/${HER.id}`, problem(404, { type: 'https://meike.app/problems/not-found', title: 'Not found', detail: 'Customer not found' }));
    renderApp(api, { path: `/customers/${HER.id}` });
    await openTab();
    expect(await screen.findByTestId('error-alert')).toBeInTheDocument();
  });
});
