import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { cny, svPlan } from '../../test/walletFixtures';

type Rules = components['schemas']['StoredValueRules'];

const PLAN = svPlan(1, { code: 'SV-5000' });
const RULES: Rules = { debitOrder: 'PRO_RATA', reminderDays: 30, updatedAt: '2026-01-01T00:00:00Z', version: 2 };

function adminApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/stored-value/plans', { items: [PLAN], nextCursor: null })
    .on('GET', '/api/v1/stored-value/rules', json(RULES, 200, { ETag: '"2"' }));
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(user: ReturnType<typeof userEvent.setup>, testId: string, date: string) {
  const picker = screen.getByTestId(testId);
  const input = (picker.tagName === 'INPUT' ? picker : picker.querySelector('input'))!;
  await user.click(input);
  fireEvent.change(input, { target: { value: date } });
  await user.keyboard('{Enter}');
}

describe('Stored-value plans', () => {
  it('lists the plans as pay X get Y; plans and rules are in the chain admin’s settings menu', async () => {
    renderApp(adminApi(), { path: '/settings/stored-value-plans' });
    expect(await screen.findByTestId('sv-plan-terms-SV-5000')).toHaveTextContent('充 ¥5,000.00 得 ¥10,000.00');
    const row = screen.getByTestId('sv-plan-terms-SV-5000').closest('tr')!;
    expect(row).toHaveTextContent('¥5,000.00');
    expect(row).toHaveTextContent('有效期 730 天');
    expect(row).toHaveTextContent('在售');
    expect(screen.getByTestId('nav-storedValuePlans')).toHaveTextContent('储值方案');
    expect(screen.getByTestId('nav-storedValueRules')).toHaveTextContent('储值规则');
  });

  it('creates a plan: price and value typed in yuan are sent in fen, the bonus shown as it comes out', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('POST', '/api/v1/stored-value/plans', (req) =>
      req.json().then((body) => json(svPlan(2, { ...body, bonus: cny(100000) }), 201, { ETag: '"0"' })),
    );
    renderApp(api, { path: '/settings/stored-value-plans' });
    await user.click(await screen.findByTestId('add-sv-plan-button'));
    const form = await screen.findByTestId('sv-plan-form');
    await fill(user, within(form).getByTestId('sv-plan-code'), 'SV-3000');
    await fill(user, within(form).getByTestId('sv-plan-name'), '充3000送1000');
    await fill(user, within(form).getByTestId('sv-plan-price'), '3000');
    await fill(user, within(form).getByTestId('sv-plan-value'), '2000');
    await user.click(screen.getByTestId('sv-plan-form-submit'));
    expect(await within(form).findByText('到账金额不能低于实付金额')).toBeInTheDocument();

    const value = within(form).getByTestId('sv-plan-value');
    await user.clear(value);
    await fill(user, value, '4000');
    await waitFor(() => expect(within(form).getByTestId('sv-plan-bonus')).toHaveTextContent('赠送 ¥1,000.00'));
    await fill(user, within(form).getByTestId('sv-plan-validity'), '365');
    await user.click(within(form).getByTestId('sv-plan-all-clinics'));
    await user.click(within(within(form).getByTestId('sv-plan-clinics')).getByRole('combobox'));
    await user.click(await screen.findByText(`${clinic(2).name} (${clinic(2).code})`));
    await pickDate(user, 'sv-plan-from', '2026-12-01');
    await pickDate(user, 'sv-plan-until', '2026-12-31');
    await user.click(screen.getByTestId('sv-plan-form-submit'));

    await waitFor(() => expect(api.calls('POST', '/api/v1/stored-value/plans')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/stored-value/plans')[0].body).toEqual({
      code: 'SV-3000',
      name: '充3000送1000',
      price: cny(300000),
      value: cny(400000),
      validityDays: 365,
      allClinics: false,
      clinicIds: [clinic(2).id],
      availableFrom: '2026-12-01',
      availableUntil: '2026-12-31',
    });
  });

  it('edits a plan with If-Match from the read, withdrawing it from sale, and explains a 412', async () => {
    const user = userEvent.setup();
    const api = adminApi()
      .on('GET', '/api/v1/stored-value/plans/{id}', json(PLAN, 200, { ETag: '"7"' }))
      .on('PATCH', '/api/v1/stored-value/plans/{id}', problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' }));
    renderApp(api, { path: '/settings/stored-value-plans' });
    await user.click(await screen.findByTestId('edit-sv-plan-SV-5000'));
    const form = await screen.findByTestId('sv-plan-edit-form');
    await waitFor(() => expect(within(form).getByTestId('sv-plan-price')).toHaveValue('5000.00'));
    expect(within(form).getByTestId('sv-plan-code')).toBeDisabled();
    expect(form).toHaveTextContent('已售出的批次保留当时的条件');
    await user.click(within(form).getByTestId('sv-plan-active'));
    await user.click(screen.getByTestId('sv-plan-form-submit'));

    expect(await screen.findByTestId('sv-plan-form-error')).toHaveTextContent('其他人已修改了这条记录');
    const [patch] = api.calls('PATCH', `/api/v1/stored-value/plans/${PLAN.id}`);
    expect(patch.headers.get('If-Match')).toBe('"7"');
    expect(patch.body).toMatchObject({ price: cny(500000), value: cny(1000000), validityDays: 730, allClinics: true, clinicIds: [], active: false });
  });
});

describe('Stored-value rules', () => {
  it('explains what principal-first means for refunds, and saves the rules with If-Match', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('PUT', '/api/v1/stored-value/rules', (req) =>
      req.json().then((body) => json({ ...body, updatedAt: '2026-11-23T10:00:00Z', version: 3 }, 200, { ETag: '"3"' })),
    );
    renderApp(api, { path: '/settings/stored-value-rules' });
    expect(await screen.findByTestId('sv-rules-explanation')).toHaveTextContent('与法院对“充 X 送 Y”卡的认定一致');
    await user.click(within(screen.getByTestId('sv-rules-debit-order')).getByText('先扣本金'));
    expect(screen.getByTestId('sv-rules-explanation')).toHaveTextContent('按比例可退 1,500，先扣本金只可退 1,000');
    const reminder = screen.getByTestId('sv-rules-reminder');
    await user.clear(reminder);
    await fill(user, reminder, '15');
    await user.click(screen.getByTestId('sv-rules-save'));

    await waitFor(() => expect(api.calls('PUT', '/api/v1/stored-value/rules')).toHaveLength(1));
    const [put] = api.calls('PUT', '/api/v1/stored-value/rules');
    expect(put.headers.get('If-Match')).toBe('"2"');
    expect(put.body).toEqual({ debitOrder: 'PRINCIPAL_FIRST', reminderDays: 15 });
  });

  it('runs the expiry now and reports what expired', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('POST', '/api/v1/stored-value/expiry-runs', {
      asOf: '2026-11-23T10:00:00+08:00',
      accounts: 2,
      lots: 3,
      principal: cny(120000),
      bonus: cny(40000),
    });
    renderApp(api, { path: '/settings/stored-value-rules' });
    await user.click(await screen.findByTestId('sv-rules-run-expiry'));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    expect(await screen.findByText('已处理 2 个账户、3 个批次：过期本金 ¥1,200.00，过期赠送 ¥400.00')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/stored-value/expiry-runs')).toHaveLength(1);
  });
});
