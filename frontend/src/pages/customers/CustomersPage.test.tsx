import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, customer, me, staff, TENANT_A } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

const CLINICS = { items: [clinic(1), clinic(2)], nextCursor: null };
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });

function apiFor(roles: Parameters<typeof me>[0], overrides: Parameters<typeof me>[1] = {}) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, overrides))
    .on('GET', '/api/v1/clinics', CLINICS)
    .on('GET', '/api/v1/staff/directory', {
      items: [CONSULTANT, staff(8, { displayName: '前台小李', roles: ['front-desk'] })].map(colleague),
      nextCursor: null,
    })
    .on('GET', '/api/v1/customers', { items: [], nextCursor: null });
}

async function pick(user: ReturnType<typeof userEvent.setup>, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

const lastQuery = (api: FakeApi) => Object.fromEntries(api.calls('GET', '/api/v1/customers').at(-1)!.query);

/** Answers 张三 to a filtered list and 李四 to the whole list, so the screen shows which one it asked for. */
function filteredOrNot(req: Request) {
  const filtered = [...new URL(req.url).searchParams.keys()].some((k) => k !== 'limit' && k !== 'cursor');
  return json({ items: [filtered ? customer(1, { name: '张三' }) : customer(2, { name: '李四' })], nextCursor: null });
}

describe('Customer list', () => {
  it('shows each customer with her stage, phone as served, consultant, clinic and source', async () => {
    const api = apiFor(['tenant-admin']).on('GET', '/api/v1/customers', {
      items: [
        customer(1, { name: '张三', status: 'ACTIVE', ownerStaffId: CONSULTANT.id, tags: ['VIP'], source: 'REFERRAL' }),
        customer(2, { name: '李四', status: 'VISITED_NOT_CONVERTED', homeClinicId: clinic(2).id }),
      ],
      nextCursor: null,
    });
    renderApp(api, { path: '/customers' });
    const table = await screen.findByTestId('customers-table');
    const zhang = (await within(table).findByText('张三')).closest('tr')!;
    expect(within(zhang).getByTestId('customer-status')).toHaveTextContent('活跃');
    expect(within(zhang).getByTestId('customer-phone')).toHaveTextContent('13800130001');
    expect(await within(zhang).findByText('王咨询')).toBeInTheDocument();
    expect(within(zhang).getByText('VIP')).toBeInTheDocument();
    expect(within(zhang).getByText('老客推荐')).toBeInTheDocument();
    expect(within(zhang).getByText('上海1号店')).toBeInTheDocument();
    const li = screen.getByText('李四').closest('tr')!;
    expect(within(li).getByTestId('customer-status')).toHaveTextContent('到店未成交');
    expect(within(li).getByText('上海2号店')).toBeInTheDocument();
    expect(screen.getByText('李四').closest('a')).toHaveAttribute('href', `/customers/${customer(2).id}`);
  });

  it('shows a clinician masked phones as served, and no registration', async () => {
    const api = apiFor(['clinician']).on('GET', '/api/v1/customers', {
      items: [customer(1, { name: '张三', phone: '138****5678', phoneMasked: true })],
      nextCursor: null,
    });
    renderApp(api, { path: '/customers' });
    const phone = await screen.findByTestId('customer-phone');
    expect(phone).toHaveTextContent('138****5678');
    expect(screen.getByLabelText('号码已隐藏：您的角色不能查看客户的完整手机号')).toBeInTheDocument();
    expect(screen.queryByTestId('register-customer-button')).not.toBeInTheDocument();
    // Every role reads the staff directory (names, roles, clinics), never the staff list.
    expect(screen.getByTestId('customers-owner-filter')).toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/staff')).toHaveLength(0);
  });

  it('sorts by last visit and filters a last-visit range kept in the URL', async () => {
    const user = userEvent.setup();
    const api = apiFor(['manager']);
    renderApp(api, { path: '/customers?lastVisitFrom=2026-05-01&lastVisitTo=2026-05-31&sort=LONGEST_AWAY' });
    await screen.findByTestId('customers-table');
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        sort: 'LONGEST_AWAY',
        lastVisitFrom: dayjs('2026-05-01').toISOString(),
        lastVisitTo: dayjs('2026-06-01').toISOString(),
      }),
    );
    await pick(user, 'customers-sort', '最近到店');
    await waitFor(() => expect(lastQuery(api).sort).toBe('RECENTLY_VISITED'));
    await pick(user, 'customers-sort', '按登记（早→晚）');
    await waitFor(() => expect(lastQuery(api).sort).toBeUndefined());
    expect(lastQuery(api).lastVisitFrom).toBe(dayjs('2026-05-01').toISOString());
  });

  it('searches as the user types, and asks for 4 digits before searching a phone', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']).on('GET', '/api/v1/customers', (req) =>
      new URL(req.url).searchParams.get('q') === 'zs'
        ? json({ items: [customer(1, { name: '张三' })], nextCursor: null })
        : json({ items: [customer(2, { name: '李四' })], nextCursor: null }),
    );
    renderApp(api, { path: '/customers' });
    await screen.findByText('李四');
    await user.type(screen.getByTestId('customers-search'), 'zs');
    // No Enter: the list answers once typing pauses.
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.queryByText('李四')).not.toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/customers').filter((r) => r.query.get('q') === 'z')).toHaveLength(0);

    await user.clear(screen.getByTestId('customers-search'));
    await user.type(screen.getByTestId('customers-search'), '138');
    expect(await screen.findByTestId('customers-search-hint')).toHaveTextContent('按手机号搜索请输入至少 4 位数字');
    await user.type(screen.getByTestId('customers-search'), '0');
    await waitFor(() => expect(lastQuery(api).q).toBe('1380'));
    expect(screen.queryByTestId('customers-search-hint')).not.toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/customers').some((r) => r.query.get('q') === '138')).toBe(false);
  });

  it('sends every filter to the API, and keeps them when coming back from a customer', async () => {
    const user = userEvent.setup();
    const zhang = customer(1, { name: '张三' });
    const api = apiFor(['manager'])
      .on('GET', '/api/v1/customers', filteredOrNot)
      .on('GET', '/api/v1/customers/{id}', json(zhang, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/customers' });
    await screen.findByText('李四');
    await pick(user, 'customers-status-filter', '流失风险');
    await fill(user, within(screen.getByTestId('customers-tag-filter')).getByRole('combobox'), 'VIP');
    await user.keyboard('{Enter}');
    await pick(user, 'customers-owner-filter', '王咨询');
    await pick(user, 'customers-clinic-filter', '上海2号店');
    await pick(user, 'customers-source-filter', '广告投放');
    await user.click(screen.getByTestId('customers-birthday-filter'));
    const expected = {
      status: 'AT_RISK',
      tag: 'VIP',
      ownerId: CONSULTANT.id,
      clinicId: clinic(2).id,
      source: 'ADVERTISING',
      birthdayMonth: String(dayjs().month() + 1),
    };
    await waitFor(() => expect(lastQuery(api)).toMatchObject(expected));
    // Only the consultants are offered as owners.
    await user.click(within(screen.getByTestId('customers-owner-filter')).getByRole('combobox'));
    expect(screen.queryByTitle('前台小李')).not.toBeInTheDocument();

    await user.click(await screen.findByText('张三'));
    expect(await screen.findByTestId('customer-page')).toBeInTheDocument();
    await user.click(screen.getByTestId('back-to-customers'));
    await screen.findByTestId('customers-page');
    await waitFor(() => expect(lastQuery(api)).toMatchObject(expected));
    expect(screen.getByTestId('customers-birthday-filter')).toBeChecked();

    await user.click(screen.getByTestId('customers-clear-filters'));
    expect(await screen.findByText('李四')).toBeInTheDocument();
    expect(screen.queryByTestId('customers-clear-filters')).not.toBeInTheDocument();
  });

  it('saves named filter sets per chain and user in this browser, and applies and deletes them', async () => {
    const user = userEvent.setup();
    const api = apiFor(['consultant'], { userId: 'kc-consultant-1', staffId: CONSULTANT.id, displayName: '王咨询' }).on(
      'GET',
      '/api/v1/customers',
      filteredOrNot,
    );
    renderApp(api, { path: '/customers' });
    await screen.findByText('李四');
    expect(screen.getByTestId('save-filters')).toBeDisabled();
    await pick(user, 'customers-status-filter', '已流失');
    // A consultant, who may not list staff, can filter on her own customers.
    await pick(user, 'customers-owner-filter', '王咨询');
    await user.click(screen.getByTestId('customers-birthday-filter'));
    await user.click(screen.getByTestId('save-filters'));
    await fill(user, await screen.findByTestId('save-filters-name'), '本月生日的流失客户');
    await user.click(screen.getByTestId('save-filters-submit'));
    expect(await screen.findByText('已保存筛选「本月生日的流失客户」')).toBeInTheDocument();

    const key = `meike.customerFilters.${TENANT_A.id}.kc-consultant-1`;
    expect(JSON.parse(window.localStorage.getItem(key)!)).toEqual([
      { name: '本月生日的流失客户', filters: { status: 'CHURNED', ownerId: CONSULTANT.id, birthdayThisMonth: true } },
    ]);

    await user.click(screen.getByTestId('customers-clear-filters'));
    expect(await screen.findByText('李四')).toBeInTheDocument();
    await pick(user, 'saved-filters', '本月生日的流失客户');
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.getByTestId('customers-birthday-filter')).toBeChecked();
    expect(within(screen.getByTestId('customers-status-filter')).getByTitle('已流失')).toBeInTheDocument();
    expect(
      api.calls('GET', '/api/v1/customers').some(
        (r) => r.query.get('status') === 'CHURNED' && r.query.get('ownerId') === CONSULTANT.id && r.query.get('birthdayMonth') === String(dayjs().month() + 1),
      ),
    ).toBe(true);

    await user.click(within(screen.getByTestId('saved-filters')).getByRole('combobox'));
    await user.click(await screen.findByTestId('saved-filter-delete-本月生日的流失客户'));
    expect(await screen.findByText('已删除筛选「本月生日的流失客户」')).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(key)!)).toEqual([]);
  });

  it("does not show another user's saved filters", async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(
      `meike.customerFilters.${TENANT_A.id}.someone-else`,
      JSON.stringify([{ name: '别人的筛选', filters: { status: 'LEAD' } }]),
    );
    window.localStorage.setItem(
      `meike.customerFilters.${TENANT_A.id}.kc-user-1`,
      JSON.stringify([{ name: '我的筛选', filters: { status: 'ACTIVE' } }, { broken: true }]),
    );
    renderApp(apiFor(['front-desk']), { path: '/customers' });
    await screen.findByTestId('customers-empty');
    await user.click(within(screen.getByTestId('saved-filters')).getByRole('combobox'));
    expect(await screen.findByTitle('我的筛选')).toBeInTheDocument();
    expect(screen.queryByTitle('别人的筛选')).not.toBeInTheDocument();
  });

  it('shows a failed list with its request id and retries', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk'])
      .on('GET', '/api/v1/customers', { items: [customer(1, { name: '张三' })], nextCursor: null })
      .once('GET', '/api/v1/customers', problem(503, { title: 'Unavailable', requestId: 'req-7' }));
    renderApp(api, { path: '/customers' });
    const alert = await screen.findByTestId('customers-error');
    expect(alert).toHaveTextContent('请求编号: req-7');
    await user.click(screen.getByTestId('customers-error-retry'));
    expect(await screen.findByText('张三')).toBeInTheDocument();
  });
});
