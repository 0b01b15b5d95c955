import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Complaint = components['schemas']['Complaint'];

const CLINIC = clinic(1);

function complaint(n: number, overrides: Partial<Complaint> = {}): Complaint {
  return {
    id: `01900000-0000-7000-8000-0000000cc${String(n).padStart(3, '0')}`,
    customerId: `01900000-0000-7000-8000-0000000c0${String(n).padStart(3, '0')}`,
    customerName: `客户${n}`,
    clinicId: CLINIC.id,
    clinicName: CLINIC.name,
    visitId: null,
    surveyId: null,
    severity: 'MEDIUM',
    category: 'RESULT',
    status: 'OPEN',
    ownerId: null,
    ownerName: null,
    description: '效果不如预期',
    resolutionNote: null,
    openedAt: '2026-03-10T10:00:00+08:00',
    openedBy: null,
    dueAt: '2026-03-12T10:00:00+08:00',
    overdue: false,
    resolvedAt: null,
    resolvedBy: null,
    closedAt: null,
    updatedAt: '2026-03-10T10:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

function managerApi(items: Complaint[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['manager']))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/satisfaction/complaints', (req) => {
      const overdueOnly = new URL(req.url).searchParams.get('overdue') === 'true';
      return json({ items: overdueOnly ? items.filter((c) => c.overdue) : items, nextCursor: null });
    });
}

describe('Complaints board', () => {
  it('is in a manager’s menu; she takes an open complaint in progress and resolves one with a note', async () => {
    const user = userEvent.setup();
    const open = complaint(1);
    const worked = complaint(2, { status: 'IN_PROGRESS', severity: 'HIGH', overdue: true, ownerName: '林店长' });
    const api = managerApi([open, worked])
      .on('POST', `/api/v1/satisfaction/complaints/${open.id}/status`, json({ ...open, status: 'IN_PROGRESS' }))
      .on('POST', `/api/v1/satisfaction/complaints/${worked.id}/status`, json({ ...worked, status: 'RESOLVED', resolutionNote: '已致歉' }));
    renderApp(api, { path: '/complaints' });
    expect(await screen.findByTestId('nav-complaints')).toHaveTextContent('满意度与客怨');
    expect(await screen.findByTestId(`complaint-status-${open.id}`)).toHaveTextContent('待处理');
    expect(screen.getByTestId(`complaint-overdue-${worked.id}`)).toHaveTextContent('已超时');

    await user.click(screen.getByTestId(`complaint-take-${open.id}`));
    await waitFor(() => expect(api.calls('POST', `/api/v1/satisfaction/complaints/${open.id}/status`)).toHaveLength(1));
    expect(api.calls('POST', `/api/v1/satisfaction/complaints/${open.id}/status`)[0].body).toEqual({ status: 'IN_PROGRESS', note: null });

    await user.click(screen.getByTestId(`complaint-resolve-${worked.id}`));
    await user.click(await screen.findByTestId('complaint-note-save'));
    expect(await screen.findByText('请填写处理说明')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/satisfaction/complaints/${worked.id}/status`)).toHaveLength(0);
    await user.type(screen.getByTestId('complaint-note'), '已致歉');
    await user.click(screen.getByTestId('complaint-note-save'));
    await waitFor(() => expect(api.calls('POST', `/api/v1/satisfaction/complaints/${worked.id}/status`)).toHaveLength(1));
    expect(api.calls('POST', `/api/v1/satisfaction/complaints/${worked.id}/status`)[0].body).toEqual({ status: 'RESOLVED', note: '已致歉' });
  });

  it('filters overdue complaints and shows a refused transition', async () => {
    const user = userEvent.setup();
    const open = complaint(1);
    const late = complaint(2, { overdue: true });
    const api = managerApi([open, late]).on(
      'POST',
      `/api/v1/satisfaction/complaints/${open.id}/status`,
      problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'A complaint that is IN_PROGRESS cannot become IN_PROGRESS' }),
    );
    renderApp(api, { path: '/complaints' });
    await screen.findByTestId(`complaint-status-${open.id}`);
    await user.click(screen.getByTestId('complaints-filter-overdue'));
    await waitFor(() => expect(screen.queryByTestId(`complaint-status-${open.id}`)).not.toBeInTheDocument());
    expect(screen.getByTestId(`complaint-status-${late.id}`)).toBeInTheDocument();
    expect(api.requests.some((r) => r.path === '/api/v1/satisfaction/complaints' && r.query.get('overdue') === 'true')).toBe(true);

    await user.click(screen.getByTestId('complaints-filter-overdue'));
    await user.click(await screen.findByTestId(`complaint-take-${open.id}`));
    expect(await screen.findByTestId('complaint-take-error')).toHaveTextContent('cannot become IN_PROGRESS');
  });

  it('reassigns to a colleague of the complaint’s clinic only', async () => {
    const user = userEvent.setup();
    const open = complaint(1);
    const here = staff(7, { displayName: '王咨询', roles: ['consultant'], allClinics: false, clinicIds: [CLINIC.id] });
    const elsewhere = staff(8, { displayName: '李咨询', roles: ['consultant'], allClinics: false, clinicIds: [clinic(2).id] });
    const api = managerApi([open])
      .on('GET', '/api/v1/staff/directory', { items: [here, elsewhere].map(colleague), nextCursor: null })
      .on('POST', `/api/v1/satisfaction/complaints/${open.id}/reassign`, json({ ...open, ownerId: here.id, ownerName: '王咨询' }));
    renderApp(api, { path: '/complaints' });
    await user.click(await screen.findByTestId(`complaint-reassign-${open.id}`));
    await user.click(within(await screen.findByTestId('complaint-reassign-to')).getByRole('combobox'));
    expect(screen.queryByTitle('李咨询')).not.toBeInTheDocument();
    await user.click(await screen.findByText('王咨询'));
    await user.click(screen.getByTestId('complaint-reassign-save'));
    await waitFor(() => expect(api.calls('POST', `/api/v1/satisfaction/complaints/${open.id}/reassign`)).toHaveLength(1));
    expect(api.calls('POST', `/api/v1/satisfaction/complaints/${open.id}/reassign`)[0].body).toEqual({ ownerId: here.id });
  });

  it('summarises the averages and NPS by the grouping asked for, and is not in a consultant’s menu', async () => {
    const user = userEvent.setup();
    const api = managerApi([]).on('GET', '/api/v1/satisfaction/summary', (req) => {
      const by = new URL(req.url).searchParams.get('by');
      const rows =
        by === 'MONTH'
          ? [{ key: '2026-03', name: null, surveys: 4, averageResult: 4, averageExperience: 4, nps: 25, promoters: 2, detractors: 1 }]
          : [{ key: CLINIC.id, name: CLINIC.name, surveys: 3, averageResult: 3.67, averageExperience: 4, nps: 33.3, promoters: 2, detractors: 1 }];
      return json({ by, from: '2025-03-10T00:00:00Z', to: '2026-03-10T00:00:00Z', rows });
    });
    const board = renderApp(api, { path: '/complaints' });
    await user.click(await screen.findByTestId('complaints-tab-summary'));
    const table = await screen.findByTestId('summary-table');
    expect(await within(table).findByText('3.67')).toBeInTheDocument();
    expect(within(table).getByText('33.3')).toBeInTheDocument();
    await user.click(within(screen.getByTestId('summary-by')).getByRole('combobox'));
    await user.click(await screen.findByTitle('月份'));
    expect(await within(table).findByText('2026-03')).toBeInTheDocument();
    // This year's surveys by default, from its first day's start in the chain's time zone (Shanghai).
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    const asked = api.calls('GET', '/api/v1/satisfaction/summary');
    expect(asked[0].query.get('from')).toBe(`${year}-01-01T00:00:00+08:00`);
    expect(asked[0].query.get('to')).toBe(`${Number(year) + 1}-01-01T00:00:00+08:00`);
    expect(asked.at(-1)!.query.get('by')).toBe('MONTH');
    board.unmount();

    const consultant = new FakeApi().on('GET', '/api/v1/me', me(['consultant'])).on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null });
    renderApp(consultant, { path: '/complaints' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-complaints')).not.toBeInTheDocument();
  });
});
