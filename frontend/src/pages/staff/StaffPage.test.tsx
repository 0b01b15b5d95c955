import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const CLINICS = { items: [clinic(1), clinic(2)], nextCursor: null };

describe('Staff page', () => {
  it('lists staff with roles and clinic names; managers get no write actions', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['manager']))
      .on('GET', '/api/v1/clinics', CLINICS)
      .on('GET', '/api/v1/staff', {
        items: [staff(1), staff(2, { roles: ['tenant-admin'], allClinics: true, clinicIds: [], active: false })],
        nextCursor: null,
      });
    renderApp(api, { path: '/staff' });
    const table = await screen.findByTestId('staff-table');
    expect(await within(table).findByText('员工1')).toBeInTheDocument();
    expect(within(table).getByText('咨询师')).toBeInTheDocument();
    expect(await within(table).findByText('上海1号店')).toBeInTheDocument();
    expect(within(table).getByText('全部门店')).toBeInTheDocument();
    expect(within(table).getByText('已停用')).toBeInTheDocument();
    expect(screen.queryByTestId('invite-staff-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('toggle-staff-staff.1')).not.toBeInTheDocument();
  });

  it('invites a staff member and shows the initial password once', async () => {
    const user = userEvent.setup();
    const created = staff(7, { username: 'wang.consultant', displayName: '王咨询', email: 'wang@example.com' });
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', CLINICS)
      .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
      .on('POST', '/api/v1/staff', json({ staff: created, initialPassword: 'Xy7-pq2R-kd9M' }, 201));
    renderApp(api, { path: '/staff' });

    expect(await screen.findByTestId('staff-empty')).toHaveTextContent('还没有员工，邀请第一位同事');
    await user.click(screen.getByTestId('invite-staff-button'));
    await fill(user, await screen.findByTestId('staff-form-username'), 'wang.consultant');
    await fill(user, screen.getByTestId('staff-form-display-name'), '王咨询');
    await fill(user, screen.getByTestId('staff-form-email'), 'wang@example.com');
    // Roles: pick "咨询师" from the multi-select.
    await user.click(within(screen.getByTestId('staff-form-roles')).getByRole('combobox'));
    await user.click(await screen.findByTitle('咨询师'));
    // Clinics: pick the first one.
    await user.click(within(screen.getByTestId('staff-form-clinics')).getByRole('combobox'));
    await user.click(await screen.findByTitle('上海1号店 (SH-01)'));
    await user.click(screen.getByTestId('staff-form-submit'));

    const dialog = await screen.findByTestId('initial-password-dialog');
    expect(within(dialog).getByTestId('initial-password')).toHaveTextContent('Xy7-pq2R-kd9M');
    expect(within(dialog).getByTestId('initial-password-username')).toHaveTextContent('wang.consultant');
    expect(screen.getByText('已邀请「王咨询」')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/staff')[0].body).toEqual({
      username: 'wang.consultant',
      email: 'wang@example.com',
      displayName: '王咨询',
      roles: ['consultant'],
      allClinics: false,
      clinicIds: [clinic(1).id],
    });

    await user.click(screen.getByTestId('initial-password-done'));
    await waitFor(() => expect(screen.queryByText('Xy7-pq2R-kd9M')).not.toBeInTheDocument());
    // Nothing on the page can bring it back.
    expect(document.body.innerHTML).not.toContain('Xy7-pq2R-kd9M');
  });

  it('requires clinics unless "all clinics" is on, and maps server errors onto fields', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', CLINICS)
      .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
      .on(
        'POST',
        '/api/v1/staff',
        problem(409, {
          type: 'https://meike.app/problems/conflict',
          title: 'Conflict',
          detail: 'Username is taken',
          errors: [{ field: 'username', message: '用户名已被占用' }],
        }),
      );
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('invite-staff-button'));
    await fill(user, await screen.findByTestId('staff-form-username'), 'a.admin');
    await fill(user, screen.getByTestId('staff-form-display-name'), '张三');
    await fill(user, screen.getByTestId('staff-form-email'), 'z@example.com');
    await user.click(within(screen.getByTestId('staff-form-roles')).getByRole('combobox'));
    await user.click(await screen.findByTitle('前台'));
    await user.click(screen.getByTestId('staff-form-submit'));
    expect(await screen.findByText('请至少选择一家门店，或打开“可访问全部门店”')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/staff')).toHaveLength(0);

    await user.click(screen.getByTestId('staff-form-all-clinics'));
    await user.click(screen.getByTestId('staff-form-submit'));
    const fieldError = await screen.findByText('用户名已被占用');
    expect(screen.getByTestId('staff-form-username').closest('.ant-form-item')).toContainElement(fieldError);
    expect(screen.getByTestId('staff-form-error')).toHaveTextContent('Username is taken');
    expect(api.calls('POST', '/api/v1/staff')[0].body).toMatchObject({ allClinics: true, roles: ['front-desk'] });
    expect(screen.queryByTestId('initial-password-dialog')).not.toBeInTheDocument();
  });

  it('disables a staff member after confirmation, with If-Match of the version listed', async () => {
    const user = userEvent.setup();
    const s = staff(3, { version: 4 });
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', CLINICS)
      .on('GET', '/api/v1/staff', { items: [s], nextCursor: null })
      .on('PATCH', '/api/v1/staff/{id}', json({ ...s, active: false, version: 5 }));
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('toggle-staff-staff.3'));
    expect(await screen.findByText('确定停用「员工3」？其登录将立即失效。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确 定' }));
    await waitFor(() => expect(api.calls('PATCH', `/api/v1/staff/${s.id}`)).toHaveLength(1));
    const patch = api.calls('PATCH', `/api/v1/staff/${s.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"4"');
    expect(patch.body).toEqual({ active: false });
    expect(await screen.findByText('已停用「员工3」')).toBeInTheDocument();
  });

  it('a chain admin works in all clinics: choosing the role switches "all clinics" on and locks it', async () => {
    const user = userEvent.setup();
    const api = adminStaffApi().on(
      'POST',
      '/api/v1/staff',
      json({ staff: staff(8, { roles: ['tenant-admin'], allClinics: true, clinicIds: [] }), initialPassword: 'pw-1' }, 201),
    );
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('invite-staff-button'));
    await fill(user, await screen.findByTestId('staff-form-username'), 'li.admin');
    await fill(user, screen.getByTestId('staff-form-display-name'), '李管理');
    await fill(user, screen.getByTestId('staff-form-email'), 'li@example.com');
    expect(screen.getByTestId('staff-form-clinics')).toBeInTheDocument();
    await pickRole(user, '连锁管理员');
    const allClinics = screen.getByTestId('staff-form-all-clinics');
    await waitFor(() => expect(allClinics).toBeChecked());
    expect(allClinics).toBeDisabled();
    expect(screen.getByText('连锁管理员可访问全部门店')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('staff-form-clinics')).not.toBeInTheDocument());
    await user.click(screen.getByTestId('staff-form-submit'));
    await screen.findByTestId('initial-password-dialog');
    const body = api.calls('POST', '/api/v1/staff')[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ roles: ['tenant-admin'], allClinics: true });
    expect(body).not.toHaveProperty('clinicIds');
  });

  it('a login clash (409 without field errors) is shown on username and email, in words', async () => {
    const user = userEvent.setup();
    const api = adminStaffApi().on(
      'POST',
      '/api/v1/staff',
      problem(409, {
        type: 'https://meike.app/problems/conflict',
        title: 'Conflict',
        detail: 'This username or email cannot be used for a new login; choose another',
      }),
    );
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('invite-staff-button'));
    await fill(user, await screen.findByTestId('staff-form-username'), 'b.admin');
    await fill(user, screen.getByTestId('staff-form-display-name'), '重名');
    await fill(user, screen.getByTestId('staff-form-email'), 'someone@example.com');
    await pickRole(user, '前台');
    await user.click(screen.getByTestId('staff-form-all-clinics'));
    await user.click(screen.getByTestId('staff-form-submit'));
    const messages = await screen.findAllByText('该用户名或邮箱已被美客中的其他账号使用（可能属于其他连锁），请换一个');
    expect(messages).toHaveLength(2);
    expect(screen.getByTestId('staff-form-username').closest('.ant-form-item')).toContainElement(messages[0]);
    expect(screen.getByTestId('staff-form-email').closest('.ant-form-item')).toContainElement(messages[1]);
    expect(screen.queryByTestId('staff-form-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('initial-password-dialog')).not.toBeInTheDocument();
  });

  it('shows a server error on an element of the clinic list (clinicIds[0]) under the clinics field', async () => {
    const user = userEvent.setup();
    const api = adminStaffApi().on(
      'POST',
      '/api/v1/staff',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        detail: '1 field is invalid',
        errors: [{ field: 'clinicIds[0]', message: 'is no clinic of this chain' }],
      }),
    );
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('invite-staff-button'));
    await fill(user, await screen.findByTestId('staff-form-username'), 'zhao.desk');
    await fill(user, screen.getByTestId('staff-form-display-name'), '赵前台');
    await fill(user, screen.getByTestId('staff-form-email'), 'zhao@example.com');
    await pickRole(user, '前台');
    await user.click(within(screen.getByTestId('staff-form-clinics')).getByRole('combobox'));
    await user.click(await screen.findByTitle('上海2号店 (SH-02)'));
    await user.click(screen.getByTestId('staff-form-submit'));
    const message = await screen.findByText('is no clinic of this chain');
    expect(screen.getByTestId('staff-form-clinics').closest('.ant-form-item')).toContainElement(message);
    expect(screen.queryByTestId('staff-form-error')).not.toBeInTheDocument();
  });

  it('an admin editing themself cannot drop their own admin role', async () => {
    const user = userEvent.setup();
    const self = staff(1, { id: me(['tenant-admin']).staffId!, username: 'a.admin', roles: ['tenant-admin', 'manager'], allClinics: true, clinicIds: [] });
    const api = adminStaffApi()
      .on('GET', '/api/v1/staff', { items: [self], nextCursor: null })
      .on('GET', '/api/v1/staff/{id}', json(self, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('edit-staff-a.admin'));
    const roles = await screen.findByTestId('staff-form-roles');
    await waitFor(() => expect(within(roles).getByText('连锁管理员')).toBeInTheDocument());
    // No "disable" for oneself in the list either.
    expect(screen.queryByTestId('toggle-staff-a.admin')).not.toBeInTheDocument();
    const adminTag = within(roles).getByText('连锁管理员').closest('.ant-select-selection-item')!;
    await user.click(adminTag.querySelector('.ant-select-selection-item-remove')!);
    await user.click(screen.getByTestId('staff-form-submit'));
    expect(await screen.findByText('不能移除自己的连锁管理员角色，请让另一位连锁管理员操作')).toBeInTheDocument();
    expect(api.calls('PATCH', `/api/v1/staff/${self.id}`)).toHaveLength(0);
  });

  it('an email clash on edit is shown on the email field', async () => {
    const user = userEvent.setup();
    const s = staff(5);
    const api = adminStaffApi()
      .on('GET', '/api/v1/staff', { items: [s], nextCursor: null })
      .on('GET', '/api/v1/staff/{id}', json(s, 200, { ETag: '"1"' }))
      .on('PATCH', '/api/v1/staff/{id}', problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict' }));
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId(`edit-staff-${s.username}`));
    const email = await screen.findByTestId('staff-form-email');
    await waitFor(() => expect(email).toHaveValue(s.email));
    await user.clear(email);
    await fill(user, email, 'taken@example.com');
    await user.click(screen.getByTestId('staff-form-submit'));
    const message = await screen.findByText('该用户名或邮箱已被美客中的其他账号使用（可能属于其他连锁），请换一个');
    expect(email.closest('.ant-form-item')).toContainElement(message);
    const patch = api.calls('PATCH', `/api/v1/staff/${s.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(patch.body).toMatchObject({ email: 'taken@example.com', allClinics: false, clinicIds: [clinic(1).id] });
  });
});

function adminStaffApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', CLINICS)
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null });
}

async function pickRole(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(within(screen.getByTestId('staff-form-roles')).getByRole('combobox'));
  await user.click(await screen.findByTitle(label));
}
