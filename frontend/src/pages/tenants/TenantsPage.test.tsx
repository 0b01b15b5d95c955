import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../api/queries';
import { FakeApi, json, problem } from '../../test/fakeApi';
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

/** Fills "create chain": 颜值连锁 (yanzhi) with its first admin 颜经理 (yan.admin, yan@example.com). */
async function fillTenantForm(user: ReturnType<typeof userEvent.setup>, { slug = 'yanzhi', username = 'yan.admin' } = {}) {
  await fill(user, await screen.findByTestId('tenant-form-name'), '颜值连锁');
  await fill(user, screen.getByTestId('tenant-form-slug'), slug);
  await fill(user, screen.getByTestId('tenant-form-admin-display-name'), '颜经理');
  await fill(user, screen.getByTestId('tenant-form-admin-username'), username);
  await fill(user, screen.getByTestId('tenant-form-admin-email'), 'yan@example.com');
}

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
    await fillTenantForm(user);
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

  it('suspends a chain after confirmation, with If-Match of the version listed', async () => {
    const user = userEvent.setup();
    const t = tenant({ version: 3 });
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['platform-admin']))
      .on('GET', '/api/v1/tenants', { items: [t], nextCursor: null })
      .on('PATCH', '/api/v1/tenants/{id}', json({ ...t, status: 'SUSPENDED', version: 4 }));
    renderApp(api, { path: '/tenants' });
    await user.click(await screen.findByTestId(`toggle-tenant-${t.slug}`));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() => expect(api.calls('PATCH', `/api/v1/tenants/${t.id}`)).toHaveLength(1));
    const patch = api.calls('PATCH', `/api/v1/tenants/${t.id}`)[0];
    expect(patch.body).toEqual({ status: 'SUSPENDED' });
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(await screen.findByText(`已暂停「${t.name}」`)).toBeInTheDocument();
  });

  it('shows the first admin\'s field errors on the nested fields (admin.username)', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['platform-admin']))
      .on('GET', '/api/v1/tenants', { items: [], nextCursor: null })
      .on(
        'POST',
        '/api/v1/tenants',
        problem(400, {
          type: 'https://meike.app/problems/validation',
          title: 'Invalid request',
          detail: '2 fields are invalid',
          errors: [
            { field: 'admin.username', message: 'must match "^[a-z0-9][a-z0-9._-]{2,49}$"' },
            { field: 'body', message: 'something else' },
          ],
        }),
      );
    renderApp(api);
    await user.click(await screen.findByTestId('create-tenant-button'));
    await fillTenantForm(user);
    await user.click(screen.getByTestId('tenant-form-submit'));
    const message = await screen.findByText('must match "^[a-z0-9][a-z0-9._-]{2,49}$"');
    expect(screen.getByTestId('tenant-form-admin-username').closest('.ant-form-item')).toContainElement(message);
    // What no field can show stays in the alert.
    const alert = screen.getByTestId('tenant-form-error');
    expect(alert).toHaveTextContent('提交的内容有误');
    expect(alert).toHaveTextContent('something else');
  });

  it.each([
    ['the slug', 'demo-a', ['tenant-form-slug'], '已有连锁使用这个标识，请换一个'],
    [
      "the first admin's login",
      'fresh-chain',
      ['tenant-form-admin-username', 'tenant-form-admin-email'],
      '该用户名或邮箱已被美客中的其他账号使用（可能属于其他连锁），请换一个',
    ],
  ])('a 409 is explained on the field that clashed: %s', async (_, slug, testIds, text) => {
    const user = userEvent.setup();
    const existing = tenant({ slug: 'demo-a', name: 'Demo A' });
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['platform-admin']))
      .on('GET', '/api/v1/tenants', (req) => {
        const q = new URL(req.url).searchParams.get('q');
        return json({ items: !q || existing.slug.includes(q) ? [existing] : [], nextCursor: null });
      })
      .on(
        'POST',
        '/api/v1/tenants',
        problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'clash' }),
      );
    renderApp(api);
    await user.click(await screen.findByTestId('create-tenant-button'));
    await fillTenantForm(user, { slug, username: 'a.admin' });
    await user.click(screen.getByTestId('tenant-form-submit'));
    const messages = await screen.findAllByText(text);
    expect(messages).toHaveLength(testIds.length);
    testIds.forEach((id, i) => expect(screen.getByTestId(id).closest('.ant-form-item')).toContainElement(messages[i]));
    expect(screen.queryByTestId('tenant-form-error')).not.toBeInTheDocument();
  });
});
