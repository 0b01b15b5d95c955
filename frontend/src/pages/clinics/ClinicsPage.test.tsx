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

/** Opens "add clinic" on an empty list, with code SH-JA and a name filled in; POST answers `answer`. */
async function addClinicAnswering(answer: Response) {
  const user = userEvent.setup();
  const api = adminApi()
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('POST', '/api/v1/clinics', answer);
  renderApp(api, { path: '/clinics' });
  await user.click(await screen.findByTestId('add-clinic-button'));
  await fill(user, await screen.findByTestId('clinic-form-code'), 'SH-JA');
  await fill(user, screen.getByTestId('clinic-form-name'), '上海静安店');
  return { user, api };
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

  it('shows a server error in the UI language with its request id, and retry recovers', async () => {
    const user = userEvent.setup();
    const api = adminApi()
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .once(
        'GET',
        '/api/v1/clinics',
        problem(500, { title: 'Internal error', detail: 'Something broke', requestId: 'req-42' }),
      );
    renderApp(api, { path: '/clinics' });
    const alert = await screen.findByTestId('clinics-error');
    expect(alert).toHaveTextContent('出错了');
    expect(alert).toHaveTextContent('服务暂时不可用，请稍后重试。');
    expect(alert).toHaveTextContent('请求编号: req-42');
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
    const { user } = await addClinicAnswering(
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        detail: '1 field is invalid',
        errors: [{ field: 'phone', message: '电话号码格式不正确' }],
      }),
    );
    await fill(user, screen.getByTestId('clinic-form-phone'), '021 6200');
    await user.click(screen.getByTestId('clinic-form-submit'));

    const message = await screen.findByText('电话号码格式不正确');
    // The message sits under the phone field, not somewhere else.
    const phoneItem = screen.getByTestId('clinic-form-phone').closest('.ant-form-item');
    expect(phoneItem).toContainElement(message);
    expect(screen.getByTestId('clinic-form-submit')).not.toBeDisabled();
  });

  it('shows a clinic code clash (409) on the code field', async () => {
    const { user } = await addClinicAnswering(
      problem(409, {
        type: 'https://meike.app/problems/conflict',
        title: 'Conflict',
        detail: "Clinic code 'SH-JA' is already used by 上海静安店",
      }),
    );
    await user.click(screen.getByTestId('clinic-form-submit'));
    const message = await screen.findByText('该门店编码已被本连锁的其他门店使用，请换一个');
    expect(screen.getByTestId('clinic-form-code').closest('.ant-form-item')).toContainElement(message);
    expect(screen.queryByTestId('clinic-form-error')).not.toBeInTheDocument();
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

  it('after a 412, "reload" refills the form with what is there now and saves with the new ETag', async () => {
    const user = userEvent.setup();
    let current = clinic(1);
    const api = adminApi()
      .on('GET', '/api/v1/clinics', () => json({ items: [current], nextCursor: null }))
      .on('GET', '/api/v1/clinics/{id}', () => json(current, 200, { ETag: `"${current.version}"` }))
      .on('PATCH', '/api/v1/clinics/{id}', (req) =>
        req.headers.get('If-Match') === `"${current.version}"`
          ? json(current)
          : problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Changed by someone else' }),
      );
    renderApp(api, { path: '/clinics' });
    await user.click(await screen.findByTestId(`edit-clinic-${current.code}`));
    const name = await screen.findByTestId('clinic-form-name');
    await waitFor(() => expect(name).toHaveValue('上海1号店'));
    // Meanwhile someone else renames it.
    current = { ...current, name: '上海1号旗舰店', version: 2 };
    await user.click(screen.getByTestId('clinic-form-submit'));
    const alert = await screen.findByTestId('clinic-form-error');
    expect(alert).toHaveTextContent('数据已被他人修改');
    await user.click(within(alert).getByTestId('clinic-form-error-retry'));
    await waitFor(() => expect(screen.getByTestId('clinic-form-name')).toHaveValue('上海1号旗舰店'));
    expect(screen.queryByTestId('clinic-form-error')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('clinic-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('clinic-form-submit')).not.toBeInTheDocument());
    const patches = api.calls('PATCH', `/api/v1/clinics/${current.id}`);
    expect(patches.map((p) => p.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
  });

  it('closes a clinic with the version the list showed, and refreshes the list after a 412', async () => {
    const user = userEvent.setup();
    let listed = clinic(1);
    const api = adminApi()
      .on('GET', '/api/v1/clinics', () => json({ items: [listed], nextCursor: null }))
      .on('PATCH', '/api/v1/clinics/{id}', () => {
        // Someone else changed it since the list was read.
        listed = { ...listed, name: '上海1号旗舰店', version: 2 };
        return problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Changed by someone else' });
      });
    renderApp(api, { path: '/clinics' });
    await user.click(await screen.findByTestId(`toggle-clinic-${listed.code}`));
    expect(await screen.findByText('确定关闭门店「上海1号店」？关闭后将不再出现在营业门店中。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确 定' }));
    expect(await screen.findByText('其他人刚修改了这条记录，列表已刷新，请确认后再操作。')).toBeInTheDocument();
    expect(await within(screen.getByTestId('clinics-table')).findByText('上海1号旗舰店')).toBeInTheDocument();
    const patch = api.calls('PATCH', `/api/v1/clinics/${listed.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(patch.body).toEqual({ active: false });
    // No extra read that would make the If-Match check meaningless.
    expect(api.calls('GET', `/api/v1/clinics/${listed.id}`)).toHaveLength(0);
  });

  it("says the server's time-zone error in the UI language, under the time zone", async () => {
    const { user, api } = await addClinicAnswering(
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        errors: [{ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' }],
      }),
    );
    await fill(user, within(screen.getByTestId('clinic-form-timezone')).getByRole('combobox'), 'Mars/Olympus');
    await user.click(screen.getByTestId('clinic-form-submit'));
    const message = await screen.findByText('请选择或输入有效的时区，例如 Asia/Shanghai');
    expect(screen.getByTestId('clinic-form-timezone').closest('.ant-form-item')).toContainElement(message);
    expect(api.calls('POST', '/api/v1/clinics')[0].body).toMatchObject({ timeZone: 'Mars/Olympus' });
  });
});
