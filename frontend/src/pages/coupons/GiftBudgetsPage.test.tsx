import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { currentMonth } from './couponQueries';

type User = ReturnType<typeof userEvent.setup>;

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const WANG = staff(1, { displayName: '王咨询', roles: ['consultant'] });
const MONTH = currentMonth('Asia/Shanghai');
const BUDGET = { staffId: WANG.id, staffName: '王咨询', month: MONTH, amount: cny(100_000), used: cny(30_000), remaining: cny(70_000), version: 2 };

function apiFor() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['manager']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [WANG], nextCursor: null })
    .on('GET', '/api/v1/coupons/gift-budgets', { month: MONTH, items: [BUDGET] });
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]);
}

describe('Gift budgets', () => {
  it('lists the month’s budgets and changes one with its version as If-Match', async () => {
    const user = userEvent.setup();
    const api = apiFor().on('PUT', '/api/v1/coupons/gift-budgets/{staffId}/{month}', json({ ...BUDGET, amount: cny(150_000), remaining: cny(120_000), version: 3 }));
    renderApp(api, { path: '/settings/gift-budgets' });
    expect(await screen.findByTestId(`budget-remaining-${WANG.id}`)).toHaveTextContent('¥700.00');

    await user.click(screen.getByTestId('set-budget'));
    await pick(user, 'budget-staff', '王咨询');
    await fill(user, screen.getByTestId('budget-amount'), '1500');
    await user.click(screen.getByTestId('budget-submit'));

    const path = `/api/v1/coupons/gift-budgets/${WANG.id}/${MONTH}`;
    await waitFor(() => expect(api.calls('PUT', path)).toHaveLength(1));
    const put = api.calls('PUT', path)[0];
    expect(put.body).toEqual({ amount: cny(150_000) });
    expect(put.headers.get('If-Match')).toBe('"2"');
  });

  it('shows the server’s refusal to go below what was already given', async () => {
    const user = userEvent.setup();
    const api = apiFor().on(
      'PUT',
      '/api/v1/coupons/gift-budgets/{staffId}/{month}',
      problem(422, { type: 'https://meike.app/problems/business-rule', title: 'Not possible', detail: 'Gifts worth 30000 were already given from this budget' }),
    );
    renderApp(api, { path: '/settings/gift-budgets' });
    await user.click(await screen.findByTestId('set-budget'));
    await pick(user, 'budget-staff', '王咨询');
    await fill(user, screen.getByTestId('budget-amount'), '100');
    await user.click(screen.getByTestId('budget-submit'));
    expect(await screen.findByText(/already given from this budget/)).toBeInTheDocument();
  });
});

