import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../api/queries';
import { FakeApi, json } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { me, staff, TENANT_A } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const tenant = (overrides: Partial<Tenant> = {}): Tenant => ({
  ...TENANT_A,
  createdAt: '2025-01-01T10:00:00+08:00',
  updatedAt: '2025-01-01T10:00:00+08:00',
  version: 1,
  ...overrides,
});

describe('Tenants (platform admin)', () => {
  it('creates a chain and shows the first admin password once', async () => {
    const user = userEvent.setup();
    const created = tenant({ id: '01900000-0000-7000-8000-00000000000b', slug: 'yanzhi', name: '颜值连锁' });
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['platform-admin']))
      .on('GET', '/api/v1/tenants', { items: [tenant()], nextCursor: null })
      .on(
        'POST',
        '/api/v1/tenants',
        json({ tenant: created, admin: staff(1, { username: 'yan.admin', roles: ['tenant-admin'] }), initialPassword: 'Init-9f3k-22' }, 201),
      );
    renderApp(api);
    expect(await within(await screen.findByTestId('tenants-table')).findByText(TENANT_A.name)).toBeInTheDocument();

    await user.click(screen.getByTestId('create-tenant-button'));
    await fill(user, await screen.findByTestId('tenant-form-name'), '颜值连锁');
    await fill(user, screen.getByTestId('tenant-form-slug'), 'yanzhi');
    await fill(user, screen.getByTestId('tenant-form-admin-display-name'), '颜经理');
    await fill(user, screen.getByTestId('tenant-form-admin-username'), 'yan.admin');
    await fill(user, screen.getByTestId('tenant-form-admin-email'), 'yan@example.com');
    await user.click(screen.getByTestId('tenant-form-submit'));

    expect(await screen.findByTestId('initial-password')).toHaveTextContent('Init-9f3k-22');
    expect(api.calls('POST', '/api/v1/tenants')[0].body).toEqual({
      slug: 'yanzhi',
      name: '颜值连锁',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      admin: { username: 'yan.admin', email: 'yan@example.com', displayName: '颜经理' },
    });
    await user.click(screen.getByTestId('initial-password-done'));
    await waitFor(() => expect(document.body.innerHTML).not.toContain('Init-9f3k-22'));
  });

  it('suspends a chain after confirmation', async () => {
    const user = userEvent.setup();
    const t = tenant();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['platform-admin']))
      .on('GET', '/api/v1/tenants', { items: [t], nextCursor: null })
      .on('GET', '/api/v1/tenants/{id}', json(t, 200, { ETag: '"1"' }))
      .on('PATCH', '/api/v1/tenants/{id}', json({ ...t, status: 'SUSPENDED', version: 2 }));
    renderApp(api, { path: '/tenants' });
    await user.click(await screen.findByTestId(`toggle-tenant-${t.slug}`));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() => expect(api.calls('PATCH', `/api/v1/tenants/${t.id}`)).toHaveLength(1));
    const patch = api.calls('PATCH', `/api/v1/tenants/${t.id}`)[0];
    expect(patch.body).toEqual({ status: 'SUSPENDED' });
    expect(patch.headers.get('If-Match')).toBe('"1"');
  });
});
