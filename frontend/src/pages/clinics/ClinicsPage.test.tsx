import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

function adminApi() {
  return new FakeApi().on('GET', '/api/v1/me', me(['tenant-admin']));
}

describe('Clinics page', () => {
  it('lists the clinics from the API', async () => {
    const api = adminApi().on('GET', '/api/v1/clinics', {
      items: [clinic(1), clinic(2, { active: false, name: '北京国贸店', code: 'BJ-GM' })],
      nextCursor: null,
    });
    renderApp(api, { path: '/clinics' });
    const table = await screen.findByTestId('clinics-table');
    expect(await within(table).findByText('上海1号店')).toBeInTheDocument();
    expect(within(table).getByText('北京国贸店')).toBeInTheDocument();
    expect(within(table).getByText('已关闭')).toBeInTheDocument();
    expect(screen.getByText('已全部加载（2 条）')).toBeInTheDocument();
    expect(api.requests.find((r) => r.path === '/api/v1/clinics')?.headers.get('Authorization')).toBe(
      'Bearer test-access-token',
    );
  });

  it('shows the empty state with a hint to add the first clinic', async () => {
    const api = adminApi().on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
    renderApp(api, { path: '/clinics' });
    const empty = await screen.findByTestId('clinics-empty');
    expect(empty).toHaveTextContent('还没有门店，添加第一家');
  });

  it('passes search and filter to the API and loads more with the cursor', async () => {
    const user = userEvent.setup();
    const api = adminApi()
      .on('GET', '/api/v1/clinics', (req) => {
        const url = new URL(req.url);
        if (url.searchParams.get('cursor') === 'page-2') return json({ items: [clinic(3)], nextCursor: null });
        return json({ items: [clinic(1), clinic(2)], nextCursor: 'page-2' });
      });
    renderApp(api, { path: '/clinics' });
    await screen.findByText('上海2号店');
    await user.click(screen.getByTestId('clinics-load-more'));
    expect(await screen.findByText('上海3号店')).toBeInTheDocument();
    expect(screen.queryByTestId('clinics-load-more')).not.toBeInTheDocument();

    await user.type(screen.getByTestId('clinics-search'), '静安{Enter}');
    await waitFor(() =>
      expect(api.calls('GET', '/api/v1/clinics').some((r) => r.query.get('q') === '静安')).toBe(true),
    );
  });

  it('shows an error alert with the problem title/detail, and retry recovers', async () => {
    const user = userEvent.setup();
    const api = adminApi()
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .once('GET', '/api/v1/clinics', problem(500, { title: 'Internal Server Error', detail: 'Database unavailable' }));
    renderApp(api, { path: '/clinics' });
    const alert = await screen.findByTestId('clinics-error');
    expect(alert).toHaveTextContent('Internal Server Error');
    expect(alert).toHaveTextContent('Database unavailable');
    await user.click(screen.getByTestId('clinics-error-retry'));
    expect(await screen.findByText('上海1号店')).toBeInTheDocument();
    expect(screen.queryByTestId('clinics-error')).not.toBeInTheDocument();
  });

  it('hides write actions from read-only roles', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null });
    renderApp(api, { path: '/clinics' });
    await screen.findByText('上海1号店');
    expect(screen.queryByTestId('add-clinic-button')).not.toBeInTheDocument();
    expect(screen.queryByText('编辑')).not.toBeInTheDocument();
  });

  it('adds a clinic and shows it in the list', async () => {
    const user = userEvent.setup();
    const created = clinic(9, { code: 'HZ-XH', name: '杭州西湖店' });
    let list = [clinic(1)];
    const api = adminApi()
      .on('GET', '/api/v1/clinics', () => json({ items: list, nextCursor: null }))
      .on('POST', '/api/v1/clinics', () => {
        list = [...list, created];
        return json(created, 201, { ETag: '"1"' });
      });
    renderApp(api, { path: '/clinics' });
    await screen.findByText('上海1号店');
    await user.click(screen.getByTestId('add-clinic-button'));
    await fill(user, await screen.findByTestId('clinic-form-code'), 'HZ-XH');
    await fill(user, screen.getByTestId('clinic-form-name'), '杭州西湖店');
    await user.click(screen.getByTestId('clinic-form-submit'));
    expect(await within(screen.getByTestId('clinics-table')).findByText('杭州西湖店')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/clinics')[0].body).toEqual({ code: 'HZ-XH', name: '杭州西湖店' });
  });

  it('shows a server validation error on the right field', async () => {
    const user = userEvent.setup();
    const api = adminApi()
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on(
        'POST',
        '/api/v1/clinics',
        problem(400, {
          type: 'https://meike.app/problems/validation',
          title: 'Invalid request',
          detail: '1 field is invalid',
          errors: [{ field: 'phone', message: '电话号码格式不正确' }],
        }),
      );
    renderApp(api, { path: '/clinics' });
    await user.click(await screen.findByTestId('add-clinic-button'));
    await fill(user, await screen.findByTestId('clinic-form-code'), 'SH-JA');
    await fill(user, screen.getByTestId('clinic-form-name'), '上海静安店');
    await fill(user, screen.getByTestId('clinic-form-phone'), '021 6200');
    await user.click(screen.getByTestId('clinic-form-submit'));

    const message = await screen.findByText('电话号码格式不正确');
    // The message sits under the phone field, not somewhere else.
    const phoneItem = screen.getByTestId('clinic-form-phone').closest('.ant-form-item');
    expect(phoneItem).toContainElement(message);
    expect(screen.getByTestId('clinic-form-submit')).not.toBeDisabled();
  });

  it('shows a 409 conflict clearly in the form', async () => {
    const user = userEvent.setup();
    const api = adminApi()
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on(
        'POST',
        '/api/v1/clinics',
        problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'Clinic code SH-JA is taken' }),
      );
    renderApp(api, { path: '/clinics' });
    await user.click(await screen.findByTestId('add-clinic-button'));
    await fill(user, await screen.findByTestId('clinic-form-code'), 'SH-JA');
    await fill(user, screen.getByTestId('clinic-form-name'), '上海静安店');
    await user.click(screen.getByTestId('clinic-form-submit'));
    expect(await screen.findByTestId('clinic-form-error')).toHaveTextContent('Clinic code SH-JA is taken');
  });

  it('edits with If-Match and explains a 412 (someone else changed it)', async () => {
    const user = userEvent.setup();
    const c = clinic(1);
    const api = adminApi()
      .on('GET', '/api/v1/clinics', { items: [c], nextCursor: null })
      .on('GET', '/api/v1/clinics/{id}', json(c, 200, { ETag: '"1"' }))
      .on('PATCH', '/api/v1/clinics/{id}', problem(412, { title: 'Precondition Failed', detail: 'stale version' }));
    renderApp(api, { path: '/clinics' });
    await user.click(await screen.findByTestId(`edit-clinic-${c.code}`));
    const name = await screen.findByTestId('clinic-form-name');
    await waitFor(() => expect(name).toHaveValue(c.name));
    await user.clear(name);
    await fill(user, name, '上海静安旗舰店');
    await user.click(screen.getByTestId('clinic-form-submit'));

    const alert = await screen.findByTestId('clinic-form-error');
    expect(alert).toHaveTextContent('其他人已修改了这条记录，请重新加载后再编辑。');
    const patch = api.calls('PATCH', `/api/v1/clinics/${c.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(patch.body).toMatchObject({ name: '上海静安旗舰店' });
  });
});
