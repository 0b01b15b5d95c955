import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { couponType } from '../../test/couponFixtures';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type User = ReturnType<typeof userEvent.setup>;
type Role = Parameters<typeof me>[0][number];

const CASH = couponType(1);

function apiFor(roles: Role[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/customers', { items: [], nextCursor: null })
    .on('GET', '/api/v1/coupons/types', { items: [CASH], nextCursor: null });
}

async function issue(user: User) {
  await user.click(await screen.findByTestId('bulk-issue-coupons'));
  await user.click(within(screen.getByTestId('bulk-issue-type')).getByRole('combobox'));
  await user.click(await screen.findByTitle(CASH.name));
  await fill(user, screen.getByTestId('bulk-issue-campaign'), '双十二');
  await user.click(screen.getByTestId('bulk-issue-submit'));
}

describe('Issuing coupons to the listed customers', () => {
  it('sends the list’s filters with the campaign and says how many were issued and skipped', async () => {
    const user = userEvent.setup();
    const api = apiFor(['manager']).on('POST', '/api/v1/coupons/bulk-issues', json({ couponTypeId: CASH.id, sourceRef: '双十二', matched: 12, issued: 10, skipped: 2 }));
    renderApp(api, { path: '/customers?status=ACTIVE&tag=VIP' });
    await issue(user);

    expect(await screen.findByText('已发放 10 张，跳过 2 位已持有的客户')).toBeInTheDocument();
    const post = api.calls('POST', '/api/v1/coupons/bulk-issues')[0];
    expect(Object.fromEntries(post.query)).toEqual({ status: 'ACTIVE', tag: 'VIP' });
    expect(post.body).toEqual({ couponTypeId: CASH.id, source: 'CAMPAIGN', sourceRef: '双十二' });
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('shows why a segment is too large', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin']).on(
      'POST',
      '/api/v1/coupons/bulk-issues',
      problem(422, { type: 'https://meike.app/problems/business-rule', title: 'Not possible', detail: 'More than 5000 customers match' }),
    );
    renderApp(api, { path: '/customers' });
    await issue(user);
    expect(await screen.findByText(/More than 5000 customers match/)).toBeInTheDocument();
  });

  it('is not offered to consultants', async () => {
    renderApp(apiFor(['consultant']), { path: '/customers' });
    await screen.findByTestId('customers-page');
    await waitFor(() => expect(screen.queryByTestId('bulk-issue-coupons')).not.toBeInTheDocument());
  });
});
