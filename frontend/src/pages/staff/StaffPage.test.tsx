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

  it('disables a staff member after confirmation, with If-Match', async () => {
    const user = userEvent.setup();
    const s = staff(3);
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', CLINICS)
      .on('GET', '/api/v1/staff', { items: [s], nextCursor: null })
      .on('GET', '/api/v1/staff/{id}', json(s, 200, { ETag: '"4"' }))
      .on('PATCH', '/api/v1/staff/{id}', json({ ...s, active: false, version: 5 }));
    renderApp(api, { path: '/staff' });
    await user.click(await screen.findByTestId('toggle-staff-staff.3'));
    expect(await screen.findByText('确定停用「员工3」？其登录将立即失效。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确 定' }));
    await waitFor(() => expect(api.calls('PATCH', `/api/v1/staff/${s.id}`)).toHaveLength(1));
    const patch = api.calls('PATCH', `/api/v1/staff/${s.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"4"');
    expect(patch.body).toEqual({ active: false });
  });
});
