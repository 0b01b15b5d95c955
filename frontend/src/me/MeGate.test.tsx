import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, problem } from '../test/fakeApi';
import { clinic, me } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('after sign-in (/me)', () => {
  it('shows a full-page message with sign-out when the chain is suspended', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().on(
      'GET',
      '/api/v1/me',
      problem(403, { type: 'https://meike.app/problems/tenant-suspended', title: 'Tenant suspended' }),
    );
    const { auth } = renderApp(api, { path: '/clinics' });
    const page = await screen.findByTestId('tenant-suspended');
    expect(page).toHaveTextContent('您所在的连锁已被暂停');
    expect(screen.queryByTestId('side-nav')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('logout-button'));
    expect(auth.signOut).toHaveBeenCalled();
  });

  it('shows a full-page message when the staff account is disabled', async () => {
    const api = new FakeApi().on(
      'GET',
      '/api/v1/me',
      problem(403, { type: 'https://meike.app/problems/staff-disabled', title: 'Staff disabled' }),
    );
    renderApp(api);
    expect(await screen.findByTestId('staff-disabled')).toHaveTextContent('您的账号已被停用');
  });

  it('switches to the blocked page when any later call reports the suspension', async () => {
    let suspended = false;
    const api = new FakeApi()
      .on('GET', '/api/v1/me', () =>
        suspended
          ? problem(403, { type: 'https://meike.app/problems/tenant-suspended', title: 'Tenant suspended' })
          : new Response(JSON.stringify(me(['consultant'])), { headers: { 'Content-Type': 'application/json' } }),
      )
      .on('GET', '/api/v1/clinics', () => {
        suspended = true;
        return problem(403, { type: 'https://meike.app/problems/tenant-suspended', title: 'Tenant suspended' });
      });
    renderApp(api, { path: '/clinics' });
    expect(await screen.findByTestId('tenant-suspended')).toBeInTheDocument();
  });

  it('asks to sign in again when the token is rejected', async () => {
    const api = new FakeApi().on('GET', '/api/v1/me', problem(401, { title: 'Unauthorized' }));
    const { auth } = renderApp(api);
    expect(await screen.findByText('登录已过期')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByTestId('sign-in-button'));
    expect(auth.signIn).toHaveBeenCalled();
  });

  it('shows the error and a retry when /me fails otherwise', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .once('GET', '/api/v1/me', problem(503, { title: 'Service Unavailable', detail: 'Try again shortly' }));
    renderApp(api, { path: '/clinics' });
    expect(await screen.findByTestId('me-error')).toHaveTextContent('Try again shortly');
    await user.click(screen.getByTestId('me-error-retry'));
    expect(await screen.findByText('上海1号店')).toBeInTheDocument();
  });
});
