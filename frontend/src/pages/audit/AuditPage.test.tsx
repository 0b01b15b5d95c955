import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/queries';
import { FakeApi } from '../../test/fakeApi';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const event = (n: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id: `01900000-0000-7000-8000-0000000ae${String(n).padStart(3, '0')}`,
  occurredAt: `2025-03-0${n}T09:30:00+08:00`,
  actorId: 'kc-user-1',
  actorName: '张管理',
  action: 'clinic.updated',
  entityType: 'clinic',
  entityId: '01900000-0000-7000-8000-0000000ac001',
  requestId: `req-${n}`,
  changes: { phone: { before: '021-1', after: '021-2' } },
  ...overrides,
});

describe('Audit log', () => {
  it('lists events in server order, expands changes, and filters by entity type', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/audit-events', { items: [event(2), event(1, { action: 'clinic.created', changes: null })], nextCursor: null });
    renderApp(api, { path: '/audit' });
    const table = await screen.findByTestId('audit-table');
    const rows = await within(table).findAllByText(/^clinic\./);
    expect(rows.map((r) => r.textContent)).toEqual(['clinic.updated', 'clinic.created']);

    await user.click(within(table).getAllByRole('button', { name: /展开行|Expand row/ })[0]);
    expect(await screen.findByTestId('audit-changes')).toHaveTextContent('"after": "021-2"');

    await user.click(within(screen.getByTestId('audit-entity-filter')).getByRole('combobox'));
    await user.click(await screen.findByTitle('员工'));
    await waitFor(() =>
      expect(api.calls('GET', '/api/v1/audit-events').some((r) => r.query.get('entityType') === 'staff')).toBe(true),
    );
  });

  it('shows the empty state', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/audit-events', { items: [], nextCursor: null });
    renderApp(api, { path: '/audit' });
    expect(await screen.findByTestId('audit-empty')).toHaveTextContent('还没有操作记录');
  });
});
