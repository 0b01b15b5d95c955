import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../test/fakeApi';
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
    expect(await screen.findByTestId('session-expired')).toHaveTextContent('登录已过期');
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
    expect(await screen.findByTestId('me-error')).toHaveTextContent('服务暂时不可用，请稍后重试。');
    await user.click(screen.getByTestId('me-error-retry'));
    expect(await screen.findByText('上海1号店')).toBeInTheDocument();
  });

  it('explains a login without a chain (no-tenant) and one without a staff record (forbidden)', async () => {
    const noTenant = new FakeApi().on(
      'GET',
      '/api/v1/me',
      problem(403, { type: 'https://meike.app/problems/no-tenant', title: 'No clinic chain' }),
    );
    const first = renderApp(noTenant);
    expect(await screen.findByTestId('no-tenant')).toHaveTextContent('此账号未关联任何连锁');
    expect(screen.getByTestId('logout-button')).toBeInTheDocument();
    first.unmount();

    const noStaff = new FakeApi().on(
      'GET',
      '/api/v1/me',
      problem(403, { type: 'https://meike.app/problems/forbidden', title: 'Not allowed' }),
    );
    renderApp(noStaff);
    expect(await screen.findByTestId('forbidden')).toHaveTextContent('此账号无法使用美客');
  });

  it('a 401 from a write re-reads /me, which shows the session-expired page', async () => {
    const user = userEvent.setup();
    let expired = false;
    const api = new FakeApi()
      .on('GET', '/api/v1/me', () => (expired ? problem(401, { title: 'Not signed in' }) : json(me(['tenant-admin']))))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .on('PATCH', '/api/v1/clinics/{id}', () => {
        expired = true;
        return problem(401, { type: 'https://meike.app/problems/unauthorized', title: 'Not signed in' });
      });
    const { auth } = renderApp(api, { path: '/clinics' });
    await user.click(await screen.findByTestId('toggle-clinic-SH-01'));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    expect(await screen.findByTestId('session-expired')).toBeInTheDocument();
    await user.click(screen.getByTestId('sign-in-button'));
    expect(auth.signIn).toHaveBeenCalled();
  });

  it('a 403 re-reads /me: a role taken away disappears from the menu at once', async () => {
    let roles: Parameters<typeof me>[0] = ['tenant-admin'];
    const api = new FakeApi()
      .on('GET', '/api/v1/me', () => json(me(roles)))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on('GET', '/api/v1/staff', () => {
        roles = ['consultant'];
        return problem(403, { type: 'https://meike.app/problems/forbidden', title: 'Not allowed' });
      });
    renderApp(api, { path: '/staff' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-staff')).not.toBeInTheDocument();
    expect(screen.queryByTestId('nav-audit')).not.toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/me').length).toBeGreaterThanOrEqual(2);
  });

  it('shows the session-expired page when the session ends without signing out', async () => {
    const api = new FakeApi().on('GET', '/api/v1/me', me(['consultant']));
    const { auth } = renderApp(api, { path: '/clinics', status: 'expired' });
    expect(await screen.findByTestId('session-expired')).toHaveTextContent('请重新登录以继续。');
    expect(screen.queryByTestId('landing')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByTestId('sign-in-button'));
    expect(auth.signIn).toHaveBeenCalled();
  });
});
