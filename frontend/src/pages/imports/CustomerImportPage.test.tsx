import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, me, staff } from '../../test/fixtures';
import { captureDownloads, textOf } from '../../test/downloads';
import { renderApp } from '../../test/renderApp';

type CustomerImport = components['schemas']['CustomerImport'];

const IMPORT_ID = '01900000-0000-7000-8000-0000000001a1';
const UPLOADER = staff(3, { userId: 'kc-3', displayName: '李店长', roles: ['manager'] });

const validated: CustomerImport = {
  id: IMPORT_ID,
  fileName: '老系统客户.csv',
  status: 'VALIDATED',
  totalRows: 6,
  newRows: 2,
  changedRows: 1,
  unchangedRows: 1,
  invalidRows: 2,
  issueCount: 3,
  issues: [
    { row: 4, field: 'birthDate', message: 'is in the future' },
    { row: 6, field: 'phone', message: 'is also on row 3 (only that row is imported)' },
    { row: 6, field: 'owner', message: 'is not a staff member of this chain (give their MeiKe username)' },
  ],
  ignoredColumns: ['会员卡号'],
  createdBy: 'kc-3',
  createdAt: '2026-11-23T10:00:00+08:00',
  committedBy: null,
  committedAt: null,
};

const committed: CustomerImport = {
  ...validated,
  status: 'COMMITTED',
  committedBy: 'kc-user-1',
  committedAt: '2026-11-23T10:05:00+08:00',
};

function apiFor(roles: Parameters<typeof me>[0]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [UPLOADER], nextCursor: null })
    .on('GET', '/api/v1/customers', { items: [], nextCursor: null });
}

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
const csv = (text: string, name = '老系统客户.csv') => new File([text], name, { type: 'text/csv' });

afterEach(() => vi.restoreAllMocks());

describe('Customer import', () => {
  it('uploads a CSV file as it is, shows the row report, and commits after confirming the counts', async () => {
    const user = userEvent.setup();
    let current = validated;
    const api = apiFor(['tenant-admin'])
      .on('POST', '/api/v1/customer-imports', () => json(validated, 201, { Location: `/api/v1/customer-imports/${IMPORT_ID}` }))
      .on('GET', '/api/v1/customer-imports/{id}', () => json(current))
      .on('POST', '/api/v1/customer-imports/{id}/commit', () => {
        current = committed;
        return json(committed);
      });
    renderApp(api, { path: '/customers' });
    await user.click(await screen.findByTestId('nav-customerImports'));
    expect(await screen.findByTestId('import-guide')).toHaveTextContent('手机号');

    const content = '姓名,手机号,出生日期\n张三,13800138000,2099-01-01\n';
    await user.upload(fileInput(), csv(content));
    expect(screen.getByTestId('import-file-chosen')).toHaveTextContent('老系统客户.csv');
    await user.click(screen.getByTestId('import-upload-button'));

    const report = await screen.findByTestId('import-report');
    const upload = api.calls('POST', '/api/v1/customer-imports')[0];
    expect(upload.headers.get('Content-Type')).toBe('text/csv');
    expect(upload.headers.get('Authorization')).toBe('Bearer test-access-token');
    expect(upload.query.get('fileName')).toBe('老系统客户.csv');
    expect(upload.body).toBe(content);

    expect(screen.getByTestId('import-status')).toHaveTextContent('待确认');
    expect(screen.getByTestId('import-stat-total')).toHaveTextContent('6');
    expect(screen.getByTestId('import-stat-new')).toHaveTextContent('将新建2');
    expect(screen.getByTestId('import-stat-changed')).toHaveTextContent('将更新1');
    expect(screen.getByTestId('import-stat-invalid')).toHaveTextContent('有问题（将跳过）2');
    expect(screen.getByTestId('import-ignored-columns')).toHaveTextContent('会员卡号');
    await waitFor(() => expect(report).toHaveTextContent('李店长'));

    // Every issue by row and column, in the UI's words.
    const issues = screen.getByTestId('import-issues');
    expect(issues).toHaveTextContent('问题清单：3 个问题，涉及 2 行');
    const rows = within(issues).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('4出生日期晚于今天');
    expect(rows[1]).toHaveTextContent('6手机号与第 3 行的手机号重复（只导入第 3 行）');
    expect(rows[2]).toHaveTextContent('6所属咨询师不是本连锁的员工（请填写其美客用户名）');

    await user.click(screen.getByTestId('import-commit-button'));
    const dialog = await screen.findByTestId('import-commit-dialog');
    expect(within(dialog).getByTestId('import-commit-summary')).toHaveTextContent('将新建 2 位客户，更新 1 位客户。');
    expect(within(dialog).getByTestId('import-commit-skipped')).toHaveTextContent('2 行有问题，将被跳过，不会写入。');
    expect(api.calls('POST', `/api/v1/customer-imports/${IMPORT_ID}/commit`)).toHaveLength(0);
    await user.click(screen.getByTestId('import-commit-confirm'));

    expect(await screen.findByTestId('import-done-summary')).toHaveTextContent('新建 2 位客户，更新 1 位；2 行有问题，已跳过。');
    expect(api.calls('POST', `/api/v1/customer-imports/${IMPORT_ID}/commit`)).toHaveLength(1);
    expect(screen.getByTestId('import-status')).toHaveTextContent('已导入');
    expect(screen.queryByTestId('import-commit-button')).not.toBeInTheDocument();
  });

  it('says why the server cannot read a file (400), in the UI language, and stays on the file step', async () => {
    const user = userEvent.setup();
    const api = apiFor(['manager']).on(
      'POST',
      '/api/v1/customer-imports',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        detail: '1 field is invalid',
        errors: [{ field: 'file', message: 'is neither UTF-8 nor GB18030 text' }],
      }),
    );
    renderApp(api, { path: '/customer-imports' });
    await screen.findByTestId('import-guide');
    await user.upload(fileInput(), csv('\u0000\u0001garbage'));
    await user.click(screen.getByTestId('import-upload-button'));

    const alert = await screen.findByTestId('import-file-error');
    expect(alert).toHaveTextContent('无法读取这个文件');
    expect(screen.getByTestId('import-file-error-detail')).toHaveTextContent('文件既不是 UTF-8 也不是 GB18030 编码的文本');
    expect(alert).toHaveTextContent('没有导入任何数据');
    expect(screen.queryByTestId('import-report')).not.toBeInTheDocument();
  });

  it('refuses a workbook before sending it, and says what to do', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin']);
    renderApp(api, { path: '/customer-imports' });
    await screen.findByTestId('import-guide');
    await user.upload(fileInput(), new File(['PK'], '客户.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    expect(await screen.findByTestId('import-file-refused')).toHaveTextContent('请选择 CSV 文件（.csv）');
    expect(screen.queryByTestId('import-upload-button')).not.toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/customer-imports')).toHaveLength(0);
  });

  it('offers the template: the header row in the UI language, UTF-8 with a BOM for Excel', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    renderApp(apiFor(['tenant-admin']), { path: '/customer-imports' });
    await user.click(await screen.findByTestId('import-template-button'));
    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe('客户导入模板.csv');
    const { bom, text } = await textOf(saved[0].blob);
    expect(bom).toBe(true);
    expect(text).toBe('姓名,手机号,性别,出生日期,来源,推荐人手机号,标签,首次到店日期,所属咨询师,备注,营销同意\r\n');
  });

  it('reopens a committed import by its URL, with what it did and nothing left to commit', async () => {
    const api = apiFor(['tenant-admin']).on('GET', '/api/v1/customer-imports/{id}', committed);
    renderApp(api, { path: `/customer-imports/${IMPORT_ID}`, locale: 'en-US' });
    expect(await screen.findByTestId('import-done-summary')).toHaveTextContent('2 customers created, 1 updated; 2 rows with issues skipped.');
    expect(screen.getByTestId('import-status')).toHaveTextContent('Imported');
    expect(screen.getByTestId('import-stat-new')).toHaveTextContent('Created2');
    expect(screen.getByTestId('import-issues')).toHaveTextContent('Date of birthis in the future');
    expect(screen.queryByTestId('import-commit-button')).not.toBeInTheDocument();
  });

  it('says when a commit conflicts (a customer changed meanwhile) and writes nothing', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin'])
      .on('GET', '/api/v1/customer-imports/{id}', validated)
      .on(
        'POST',
        '/api/v1/customer-imports/{id}/commit',
        problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'A customer changed during the import' }),
      );
    renderApp(api, { path: `/customer-imports/${IMPORT_ID}` });
    await user.click(await screen.findByTestId('import-commit-button'));
    await user.click(await screen.findByTestId('import-commit-confirm'));
    const alert = await screen.findByTestId('import-commit-error');
    expect(alert).toHaveTextContent('导入未完成');
    expect(alert).toHaveTextContent('没有写入任何数据');
    expect(screen.getByTestId('import-status')).toHaveTextContent('待确认');
  });

  it('lists only the first issues when there are many, and offers no commit when nothing would be written', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const nothing: CustomerImport = { ...validated, newRows: 0, changedRows: 0, unchangedRows: 0, invalidRows: 1500, totalRows: 1500, issueCount: 1500 };
    renderApp(apiFor(['tenant-admin']).on('GET', '/api/v1/customer-imports/{id}', nothing), { path: `/customer-imports/${IMPORT_ID}` });
    expect(await screen.findByTestId('import-issues-truncated')).toHaveTextContent('这里列出前 3 个问题，共 1500 个');
    expect(screen.getByTestId('import-commit-button')).toBeDisabled();
    expect(screen.getByTestId('import-nothing-to-write')).toBeInTheDocument();

    await user.click(screen.getByTestId('import-issues-download'));
    expect(saved[0].fileName).toBe('老系统客户-问题清单.csv');
    expect((await textOf(saved[0].blob)).text).toContain('4,出生日期,晚于今天\r\n');
  });

  it('says when an import does not exist', async () => {
    const api = apiFor(['manager']).on('GET', '/api/v1/customer-imports/{id}', problem(404, { title: 'Not Found' }));
    renderApp(api, { path: `/customer-imports/${IMPORT_ID}` });
    expect(await screen.findByTestId('import-error')).toHaveTextContent('记录不存在');
  });
});
