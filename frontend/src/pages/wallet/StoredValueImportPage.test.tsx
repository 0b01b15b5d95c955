import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type StoredValueImport = components['schemas']['StoredValueImport'];

const IMPORT_ID = '01900000-0000-7000-8000-0000000002b1';
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const row = (n: number, overrides: Partial<StoredValueImport['rows'][number]>): StoredValueImport['rows'][number] => ({
  row: n,
  status: 'OK',
  phone: '138****8000',
  customerId: '01900000-0000-7000-8000-00000000c001',
  customerName: '王丽',
  principal: cny(500_000),
  bonus: cny(500_000),
  expiresOn: '2027-12-31',
  externalReference: 'VIP-0001',
  clinicId: clinic(1).id,
  lotId: null,
  issues: [],
  ...overrides,
});

const validated: StoredValueImport = {
  id: IMPORT_ID,
  fileName: '老系统储值.csv',
  status: 'VALIDATED',
  defaultClinicId: clinic(1).id,
  totalRows: 3,
  okRows: 1,
  errorRows: 1,
  duplicateRows: 1,
  principal: cny(500_000),
  bonus: cny(500_000),
  ignoredColumns: ['姓名'],
  createdBy: 'kc-user-1',
  createdAt: '2026-11-23T10:00:00+08:00',
  committedBy: null,
  committedAt: null,
  rows: [
    row(2, {}),
    row(3, {
      status: 'ERROR',
      customerId: null,
      customerName: null,
      phone: '139****0000',
      externalReference: null,
      issues: [{ row: 3, field: 'phone', code: 'UNKNOWN_PHONE', message: 'is not a customer of this chain (import the customers first)' }],
    }),
    row(4, {
      status: 'DUPLICATE',
      issues: [{ row: 4, field: 'externalReference', code: 'DUPLICATE_ROW', message: 'repeats row 2' }],
    }),
  ],
};

const committed: StoredValueImport = {
  ...validated,
  status: 'COMMITTED',
  committedBy: 'kc-user-1',
  committedAt: '2026-11-23T10:05:00+08:00',
  rows: [{ ...validated.rows[0], lotId: '01900000-0000-7000-8000-0000000001f1' }, ...validated.rows.slice(1)],
};

function apiFor(roles: Parameters<typeof me>[0]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
    .on('GET', '/api/v1/stored-value/imports', { items: [], nextCursor: null })
    .on('GET', '/api/v1/stored-value/plans', { items: [], nextCursor: null });
}

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

afterEach(() => vi.restoreAllMocks());

describe('Opening balances import', () => {
  it('uploads the file with the default clinic, shows every row, and commits once with an Idempotency-Key', async () => {
    const user = userEvent.setup();
    let current = validated;
    const api = apiFor(['tenant-admin'])
      .on('POST', '/api/v1/stored-value/imports', () => json(validated, 201, { Location: `/api/v1/stored-value/imports/${IMPORT_ID}` }))
      .on('GET', '/api/v1/stored-value/imports/{id}', () => json(current))
      .on('POST', '/api/v1/stored-value/imports/{id}/commit', () => {
        current = committed;
        return json(committed);
      });
    renderApp(api, { path: '/settings/stored-value-plans' });
    await user.click(await screen.findByTestId('nav-storedValueImports'));
    expect(await screen.findByTestId('import-guide')).toHaveTextContent('原卡号');

    await user.click(screen.getByRole('combobox'));
    await user.click(await screen.findByText('上海1号店', { selector: '.ant-select-item-option-content' }));
    const content = '手机号,本金,赠送金额\n13800138000,5000,5000\n';
    await user.upload(fileInput(), new File([content], '老系统储值.csv', { type: 'text/csv' }));
    await user.click(screen.getByTestId('import-upload-button'));

    await screen.findByTestId('import-report');
    const upload = api.calls('POST', '/api/v1/stored-value/imports')[0];
    expect(upload.headers.get('Content-Type')).toBe('text/csv');
    expect(upload.query.get('clinicId')).toBe(clinic(1).id);
    expect(upload.query.get('fileName')).toBe('老系统储值.csv');
    expect(upload.body).toBe(content);

    expect(screen.getByTestId('import-status')).toHaveTextContent('待确认');
    expect(screen.getByTestId('import-stat-ok')).toHaveTextContent('将导入1');
    expect(screen.getByTestId('import-stat-error')).toHaveTextContent('有问题（跳过）1');
    expect(screen.getByTestId('import-stat-duplicate')).toHaveTextContent('重复（跳过）1');
    expect(screen.getByTestId('import-ignored-columns')).toHaveTextContent('姓名');

    // The issues table is the customer import's, with the codes in words.
    const issues = within(screen.getByTestId('import-issues')).getAllByRole('row').slice(1);
    expect(issues[0]).toHaveTextContent('3手机号不是本连锁已登记的客户（请先导入客户）');
    expect(issues[1]).toHaveTextContent('4原卡号与文件中前面的一行是同一客户的同一张卡');
    const rows = within(screen.getByTestId('sv-import-rows')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('可导入');
    expect(rows[0]).toHaveTextContent('王丽');
    expect(rows[0]).toHaveTextContent('VIP-0001');
    expect(rows[1]).toHaveTextContent('有问题');
    expect(rows[2]).toHaveTextContent('重复');

    await user.click(screen.getByTestId('import-commit-button'));
    const dialog = await screen.findByTestId('import-commit-dialog');
    expect(within(dialog).getByTestId('import-commit-summary')).toHaveTextContent('将为客户入账 1 笔期初余额');
    expect(within(dialog).getByTestId('import-commit-skipped')).toHaveTextContent('2 行有问题或重复，将被跳过。');
    await user.click(screen.getByTestId('import-commit-confirm'));

    expect(await screen.findByTestId('import-done-summary')).toHaveTextContent('已入账 1 笔期初余额');
    const commits = api.calls('POST', `/api/v1/stored-value/imports/${IMPORT_ID}/commit`);
    expect(commits).toHaveLength(1);
    expect(commits[0].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByTestId('import-status')).toHaveTextContent('已导入');
    expect(screen.queryByTestId('import-commit-button')).not.toBeInTheDocument();
  });

  it('says why the server cannot read the file, naming its own columns', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin']).on(
      'POST',
      '/api/v1/stored-value/imports',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        errors: [{ field: 'file', message: 'needs a header row with the columns phone and principal (手机号, 本金); principal is missing' }],
      }),
    );
    renderApp(api, { path: '/stored-value/imports' });
    await screen.findByTestId('import-guide');
    await user.upload(fileInput(), new File(['手机号\n13800138000\n'], 'a.csv', { type: 'text/csv' }));
    await user.click(screen.getByTestId('import-upload-button'));
    expect(await screen.findByTestId('import-file-error-detail')).toHaveTextContent('缺少「本金」列');
    expect(screen.queryByTestId('import-report')).not.toBeInTheDocument();
  });

  it('reopens a committed import in English, with nothing left to commit', async () => {
    const api = apiFor(['tenant-admin']).on('GET', '/api/v1/stored-value/imports/{id}', committed);
    renderApp(api, { path: `/stored-value/imports/${IMPORT_ID}`, locale: 'en-US' });
    expect(await screen.findByTestId('import-done-summary')).toHaveTextContent('1 opening balances credited');
    expect(screen.getByTestId('import-stat-ok')).toHaveTextContent('Imported1');
    expect(screen.getByTestId('import-issues')).toHaveTextContent('is not a registered customer of this chain');
    expect(screen.queryByTestId('import-commit-button')).not.toBeInTheDocument();
  });

  it('offers no commit when every row is an issue or a duplicate', async () => {
    const nothing: StoredValueImport = { ...validated, okRows: 0, errorRows: 2, principal: cny(0), bonus: cny(0), rows: validated.rows.slice(1) };
    renderApp(apiFor(['tenant-admin']).on('GET', '/api/v1/stored-value/imports/{id}', nothing), {
      path: `/stored-value/imports/${IMPORT_ID}`,
    });
    await waitFor(() => expect(screen.getByTestId('import-commit-button')).toBeDisabled());
    expect(screen.getByTestId('import-nothing-to-write')).toBeInTheDocument();
  });

  it('is not offered to managers', async () => {
    renderApp(apiFor(['manager']), { path: '/overview' });
    await screen.findByTestId('side-nav');
    expect(screen.queryByTestId('nav-storedValueImports')).not.toBeInTheDocument();
  });
});
