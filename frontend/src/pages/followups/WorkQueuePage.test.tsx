import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, problem } from '../../test/fakeApi';
import { clinic, colleague, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { FollowUpTask } from './followUpFields';

function task(n: number, overrides: Partial<FollowUpTask> = {}): FollowUpTask {
  return {
    id: `01900000-0000-7000-8000-0000000f0${String(n).padStart(3, '0')}`,
    ruleId: '01900000-0000-7000-8000-0000000fe001',
    trigger: 'AFTER_TREATMENT',
    title: `术后回访${n}`,
    customerId: `01900000-0000-7000-8000-0000000c0${String(n).padStart(3, '0')}`,
    customerName: `客户${n}`,
    clinicId: clinic(1).id,
    assigneeId: '01900000-0000-7000-8000-0000000005f1',
    assigneeName: '张管理',
    dueDate: '2026-03-02',
    status: 'OPEN',
    overdue: false,
    outcome: null,
    outcomeNote: null,
    completedAt: null,
    completedBy: null,
    cancelledAt: null,
    cancelReason: null,
    subjectId: null,
    createdAt: '2026-03-01T09:00:00+08:00',
    updatedAt: '2026-03-01T09:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

function api(roles: Parameters<typeof me>[0]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/follow-ups/tasks', (req) => {
      const q = new URL(req.url).searchParams;
      if (q.get('status') === 'DONE') {
        return new Response(JSON.stringify({ items: [task(3, { status: 'DONE', outcome: 'BOOKED', outcomeNote: '约了周三' })], nextCursor: null }), { headers: { 'Content-Type': 'application/json' } });
      }
      const items = q.get('due') === 'OVERDUE' ? [task(2, { overdue: true, dueDate: '2026-02-27' })] : [task(1)];
      return new Response(JSON.stringify({ items, nextCursor: null }), { headers: { 'Content-Type': 'application/json' } });
    });
}

describe('Follow-up work queue', () => {
  it('lets a manager see every task at her clinics and give one to a consultant who works there', async () => {
    const user = userEvent.setup();
    const wang = staff(7, { displayName: '王咨询', roles: ['consultant'], allClinics: false, clinicIds: [clinic(1).id] });
    const elsewhere = staff(8, { displayName: '李咨询', roles: ['consultant'], allClinics: false, clinicIds: [clinic(2).id] });
    const fake = api(['manager'])
      .on('GET', '/api/v1/staff/directory', { items: [wang, elsewhere].map(colleague), nextCursor: null })
      .on('GET', '/api/v1/follow-ups/workload', [
        { assigneeId: wang.id, assigneeName: '王咨询', dueToday: 2, overdue: 1 },
        { assigneeId: null, assigneeName: null, dueToday: 1, overdue: 0 },
      ])
      .on('POST', '/api/v1/follow-ups/tasks/{taskId}/reassign', () =>
        new Response(JSON.stringify(task(1, { assigneeId: wang.id, assigneeName: '王咨询' })), { headers: { 'Content-Type': 'application/json' } }),
      );
    renderApp(fake, { path: '/follow-ups' });
    await user.click(within(await screen.findByTestId('follow-ups-scope')).getByText('门店全部'));
    await waitFor(() => expect(fake.calls('GET', '/api/v1/follow-ups/tasks').at(-1)!.query.get('assigneeId')).toBeNull());
    const workload = await screen.findByTestId('follow-ups-workload');
    expect(await within(workload).findByText('王咨询：今日 2 · 逾期 1')).toBeInTheDocument();
    expect(workload).toHaveTextContent('待分配 1');
    await user.click(screen.getByTestId(`follow-ups-workload-${wang.id}`));
    await waitFor(() => expect(fake.calls('GET', '/api/v1/follow-ups/tasks').at(-1)!.query.get('assigneeId')).toBe(wang.id));
    await user.click(screen.getByTestId(`follow-ups-workload-${wang.id}`));
    await user.click(await screen.findByTestId(`follow-up-reassign-${task(1).id}`));
    await user.click(within(await screen.findByTestId('follow-up-reassign-to')).getByRole('combobox'));
    expect(screen.queryByTitle('李咨询')).not.toBeInTheDocument();
    await user.click(await screen.findByTitle('王咨询'));
    await user.click(screen.getByTestId('follow-up-reassign-save'));
    await waitFor(() => expect(fake.calls('POST', `/api/v1/follow-ups/tasks/${task(1).id}/reassign`)).toHaveLength(1));
    expect(fake.calls('POST', `/api/v1/follow-ups/tasks/${task(1).id}/reassign`)[0].body).toEqual({ assigneeId: wang.id });
  });

  it('shows today’s tasks, records an outcome in one dialog, and lists the overdue and the done ones', async () => {
    const user = userEvent.setup();
    const fake = api(['consultant']).on('POST', '/api/v1/follow-ups/tasks/{taskId}/outcome', () =>
      new Response(JSON.stringify({ task: task(1, { status: 'DONE', outcome: 'REACHED' }), touchpoint: {} }), { headers: { 'Content-Type': 'application/json' } }),
    );
    renderApp(fake, { path: '/overview' });
    await user.click(await screen.findByTestId('nav-followUps'));
    const list = await screen.findByTestId('follow-ups-list-table');
    expect(await within(list).findByText('客户1')).toBeInTheDocument();
    const first = fake.calls('GET', '/api/v1/follow-ups/tasks')[0].query;
    expect(first.get('assigneeId')).toBe('me');
    expect(first.get('due')).toBe('TODAY');
    expect(first.get('status')).toBe('OPEN');
    // A consultant works her own queue only.
    expect(screen.queryByTestId('follow-ups-scope')).not.toBeInTheDocument();

    await user.click(screen.getByTestId(`follow-up-record-${task(1).id}`));
    await user.click(await screen.findByTestId('follow-up-outcome-REACHED'));
    await user.type(screen.getByTestId('follow-up-note'), '恢复良好');
    await user.click(screen.getByTestId('follow-up-outcome-save'));
    await waitFor(() => expect(fake.calls('POST', `/api/v1/follow-ups/tasks/${task(1).id}/outcome`)).toHaveLength(1));
    expect(fake.calls('POST', `/api/v1/follow-ups/tasks/${task(1).id}/outcome`)[0].body).toEqual({ outcome: 'REACHED', channel: 'CALL', note: '恢复良好' });

    await user.click(screen.getByTestId('follow-ups-tab-overdue'));
    expect(await within(list).findByText('客户2')).toBeInTheDocument();
    await user.click(screen.getByTestId('follow-ups-tab-done'));
    expect(await screen.findByTestId(`follow-up-outcome-${task(3).id}`)).toHaveTextContent('已预约');
    expect(screen.getByText('约了周三')).toBeInTheDocument();
  });

  it('keeps the dialog open with the server’s reason when the task was already done', async () => {
    const user = userEvent.setup();
    const fake = api(['manager']).on('POST', '/api/v1/follow-ups/tasks/{taskId}/outcome', problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'The task is already done' }));
    renderApp(fake, { path: '/follow-ups' });
    // Managers may look at every task of their clinics.
    expect(await screen.findByTestId('follow-ups-scope')).toBeInTheDocument();
    await user.click(await screen.findByTestId(`follow-up-record-${task(1).id}`));
    await user.click(await screen.findByTestId('follow-up-outcome-NO_ANSWER'));
    await user.click(screen.getByTestId('follow-up-outcome-save'));
    expect(await screen.findByTestId('follow-up-outcome-error')).toHaveTextContent('The task is already done');
  });

  it('is not in the clinician’s menu', async () => {
    renderApp(api(['clinician']), { path: '/overview' });
    await screen.findByTestId('nav-overview');
    expect(screen.queryByTestId('nav-followUps')).not.toBeInTheDocument();
  });
});
