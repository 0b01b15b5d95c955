import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/queries';
import { FakeApi, json } from '../../test/fakeApi';
import { clinic, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const event = (n: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id: `01900000-0000-7000-8000-0000000ae${String(n).padStart(3, '0')}`,
  occurredAt: `2025-03-0${n}T09:30:00+08:00`,
  actorId: 'kc-user-1',
  actorName: '张管理',
  action: 'clinic.updated',
  entityType: 'clinic',
  entityId: clinic(1).id,
  requestId: `req-${n}`,
  // The server's shape: {field: {from, to}}.
  changes: { phone: { from: '021-1', to: '021-2' }, active: { from: true, to: false } },
  ...overrides,
});

function auditApi(events: AuditEvent[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [staff(3, { userId: 'kc-3', displayName: '王咨询' })], nextCursor: null })
    .on('GET', '/api/v1/audit-events', { items: events, nextCursor: null });
}

describe('Audit log', () => {
  it('lists events in server order, in words: action, record name, and the changed fields', async () => {
    const user = userEvent.setup();
    const api = auditApi([
      event(2),
      event(1, {
        action: 'staff.created',
        entityType: 'staff',
        entityId: staff(3).id,
        changes: { username: 'wang', roles: ['consultant'], allClinics: false, clinicIds: [clinic(2).id] },
      }),
      event(3, { action: 'order.refunded', entityType: 'order', entityId: '01900000-0000-7000-8000-00000000c0de', changes: null }),
    ]);
    renderApp(api, { path: '/audit' });
    const table = await screen.findByTestId('audit-table');
    await within(table).findByText('修改门店');
    const rows = within(table).getAllByRole('row').slice(1);
    await waitFor(() => expect(rows[0]).toHaveTextContent('上海1号店'));
    expect(rows[1]).toHaveTextContent('邀请员工');
    await waitFor(() => expect(rows[1]).toHaveTextContent('王咨询'));
    // An action the UI has no words for yet shows as its code; an unknown record by its id.
    expect(rows[2]).toHaveTextContent('order.refunded');
    expect(rows[2]).toHaveTextContent('01900000…');

    await user.click(within(rows[0]).getByRole('button', { name: /展开行|Expand row/ }));
    const changes = await screen.findByTestId('audit-changes');
    expect(within(changes).getByText('电话')).toBeInTheDocument();
    expect(within(changes).getByText('021-1')).toBeInTheDocument();
    expect(within(changes).getByText('021-2')).toBeInTheDocument();
    expect(within(changes).getByText('是')).toBeInTheDocument();
    expect(within(changes).getByText('否')).toBeInTheDocument();
    expect(changes).toHaveTextContent('req-2');

    await user.click(within(rows[1]).getByRole('button', { name: /展开行|Expand row/ }));
    const created = (await screen.findAllByTestId('audit-changes'))[1];
    expect(created).toHaveTextContent('咨询师');
    expect(created).toHaveTextContent('上海2号店');
  });

  it('names the customer-record actions, their fields, and opens the customer or import they concern', async () => {
    const user = userEvent.setup();
    const importId = '01900000-0000-7000-8000-0000000001a1';
    const customerId = '01900000-0000-7000-8000-00000000c0de';
    const api = auditApi([
      event(1, { action: 'customer.erased', entityType: 'customer', entityId: customerId, changes: { erasedFields: ['name', 'phone', 'notes'] } }),
      event(2, { action: 'customer.exported', entityType: 'customer-list', entityId: '01900000-0000-7000-8000-0000000000e1', changes: { format: 'XLSX', rows: 12, phonesMasked: false } }),
      event(3, { action: 'customer-import.committed', entityType: 'customer-import', entityId: importId, changes: { newRows: 3 } }),
      event(4, { action: 'visit.checked-in', entityType: 'visit', entityId: '01900000-0000-7000-8000-0000000000f1', changes: null }),
    ]);
    renderApp(api, { path: '/audit' });
    const table = await screen.findByTestId('audit-table');
    await within(table).findByText('删除个人信息（PIPL）');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[1]).toHaveTextContent('导出客户');
    expect(rows[1]).toHaveTextContent('客户列表');
    expect(rows[2]).toHaveTextContent('提交客户导入');
    expect(rows[3]).toHaveTextContent('到店签到');
    expect(within(rows[0]).getByTestId(`audit-open-${event(1).id}`)).toHaveAttribute('href', `/customers/${customerId}`);
    expect(within(rows[2]).getByTestId(`audit-open-${event(3).id}`)).toHaveAttribute('href', `/customer-imports/${importId}`);
    expect(within(rows[1]).queryByText('打开')).not.toBeInTheDocument();

    await user.click(within(rows[0]).getByRole('button', { name: /展开行|Expand row/ }));
    const erased = await screen.findByTestId('audit-changes');
    expect(erased).toHaveTextContent('已删除的字段');
    expect(erased).toHaveTextContent('名称、电话、备注');
  });

  it('filters by kind of record, by who, and by one record from its row', async () => {
    const user = userEvent.setup();
    const api = auditApi([event(1)]);
    renderApp(api, { path: '/audit' });
    const lastQuery = () => api.calls('GET', '/api/v1/audit-events').at(-1)!.query;

    await user.click(within(await screen.findByTestId('audit-entity-filter')).getByRole('combobox'));
    await user.click(await screen.findByTitle('员工'));
    await waitFor(() => expect(lastQuery().get('entityType')).toBe('staff'));

    await user.click(within(screen.getByTestId('audit-actor-filter')).getByRole('combobox'));
    await user.click(await screen.findByTitle('王咨询'));
    await waitFor(() => expect(lastQuery().get('actorId')).toBe('kc-3'));

    await user.click(await screen.findByTestId(`audit-entity-${event(1).id}`));
    await waitFor(() => expect(lastQuery().get('entityId')).toBe(clinic(1).id));
    expect(screen.getByTestId('audit-entity-chip')).toHaveTextContent('只看：门店 上海1号店');
    await user.click(screen.getByTestId('audit-entity-clear'));
    await waitFor(() => expect(screen.queryByTestId('audit-entity-chip')).not.toBeInTheDocument());
  });

  it('loads older entries with the cursor', async () => {
    const user = userEvent.setup();
    const api = auditApi([]).on('GET', '/api/v1/audit-events', (req) =>
      new URL(req.url).searchParams.get('cursor') === 'older'
        ? json({ items: [event(1, { action: 'clinic.created' })], nextCursor: null })
        : json({ items: [event(2)], nextCursor: 'older' }),
    );
    renderApp(api, { path: '/audit' });
    expect(await screen.findByText('已加载 1 条')).toBeInTheDocument();
    await user.click(screen.getByTestId('audit-load-more'));
    expect(await screen.findByText('添加门店')).toBeInTheDocument();
    expect(screen.getByText('已全部加载（2 条）')).toBeInTheDocument();
  });

  it('shows the empty state', async () => {
    renderApp(auditApi([]), { path: '/audit' });
    expect(await screen.findByTestId('audit-empty')).toHaveTextContent('还没有操作记录');
  });
});
