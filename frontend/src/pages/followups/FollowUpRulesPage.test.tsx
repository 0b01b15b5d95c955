import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { FollowUpRule } from './followUpFields';

function rule(n: number, overrides: Partial<FollowUpRule> = {}): FollowUpRule {
  return {
    id: `01900000-0000-7000-8000-0000000fe${String(n).padStart(3, '0')}`,
    trigger: 'AFTER_TREATMENT',
    category: 'INJECTION',
    days: 1,
    title: `注射次日回访${n}`,
    enabled: true,
    createdAt: '2026-03-01T09:00:00+08:00',
    updatedAt: '2026-03-01T09:00:00+08:00',
    version: 2,
    ...overrides,
  };
}

function api() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/follow-ups/rules', { items: [rule(1), rule(2, { trigger: 'BIRTHDAY', category: null, days: 3, title: '生日关怀' })], nextCursor: null });
}

/** Picks an option of an antd Select by its text. */
async function choose(user: ReturnType<typeof userEvent.setup>, testId: string, text: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(text));
}

describe('Follow-up rules', () => {
  it('lists the rules with what their days mean, disables one with its version, and adds one', async () => {
    const user = userEvent.setup();
    const fake = api()
      .on('PATCH', '/api/v1/follow-ups/rules/{ruleId}', json(rule(1, { enabled: false, version: 3 }), 200, { ETag: '"3"' }))
      .on('POST', '/api/v1/follow-ups/rules', json(rule(3, { trigger: 'AT_RISK', category: null, days: 45, title: '久未到店' }), 201))
      .on('POST', '/api/v1/follow-ups/runs', { ranAt: '2026-03-01T00:25:00+08:00', day: '2026-03-01', created: 4 });
    renderApp(fake, { path: '/overview' });
    await user.click(await screen.findByTestId('nav-followUpRules'));
    const table = await screen.findByTestId('follow-up-rules-table');
    expect(await within(table).findByText('注射次日回访1')).toBeInTheDocument();
    expect(table).toHaveTextContent('事件后第 1 天');
    expect(table).toHaveTextContent('提前 3 天');

    await user.click(screen.getByTestId(`follow-up-rule-enabled-${rule(1).id}`));
    await waitFor(() => expect(fake.calls('PATCH', `/api/v1/follow-ups/rules/${rule(1).id}`)).toHaveLength(1));
    const patch = fake.calls('PATCH', `/api/v1/follow-ups/rules/${rule(1).id}`)[0];
    expect(patch.body).toEqual({ enabled: false });
    expect(patch.headers.get('If-Match')).toBe('"2"');

    await user.click(screen.getByTestId('follow-up-rule-add'));
    await choose(user, 'follow-up-rule-trigger', '久未到店');
    const days = screen.getByTestId('follow-up-rule-days');
    const daysInput = days.tagName === 'INPUT' ? days : within(days).getByRole('spinbutton');
    await user.clear(daysInput);
    await user.type(daysInput, '45');
    await user.type(screen.getByTestId('follow-up-rule-title'), '久未到店');
    await user.click(screen.getByTestId('follow-up-rule-save'));
    await waitFor(() => expect(fake.calls('POST', '/api/v1/follow-ups/rules')).toHaveLength(1));
    expect(fake.calls('POST', '/api/v1/follow-ups/rules')[0].body).toEqual({ trigger: 'AT_RISK', days: 45, title: '久未到店' });

    await user.click(screen.getByTestId('follow-up-run'));
    expect(await screen.findByText('已生成 4 个任务')).toBeInTheDocument();
  });

  it('shows the server’s reason when the rule already exists', async () => {
    const user = userEvent.setup();
    const fake = api().on('POST', '/api/v1/follow-ups/rules', problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'The chain already has this rule' }));
    renderApp(fake, { path: '/settings/follow-up-rules' });
    await user.click(await screen.findByTestId('follow-up-rule-add'));
    await choose(user, 'follow-up-rule-trigger', '生日关怀');
    await user.type(screen.getByTestId('follow-up-rule-title'), '生日关怀');
    await user.click(screen.getByTestId('follow-up-rule-save'));
    expect(await screen.findByTestId('follow-up-rule-error')).toHaveTextContent('The chain already has this rule');
  });

  it('is only in the chain admin’s menu', async () => {
    renderApp(api().on('GET', '/api/v1/me', me(['manager'])), { path: '/overview' });
    await screen.findByTestId('nav-overview');
    expect(screen.queryByTestId('nav-followUpRules')).not.toBeInTheDocument();
  });
});
