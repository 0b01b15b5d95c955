import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeApi, problem } from '../../test/fakeApi';
import { clinic, customer, me } from '../../test/fixtures';
import { captureDownloads, textOf } from '../../test/downloads';
import { renderApp } from '../../test/renderApp';

function apiFor(roles: Parameters<typeof me>[0], masked = false) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/customers', {
      items: [customer(1, masked ? { phone: '138****0001', phoneMasked: true } : {})],
      nextCursor: null,
    });
}

afterEach(() => vi.restoreAllMocks());

describe('Customer export', () => {
  it('downloads the filtered list as CSV with the token, and says the export is in the audit log', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const api = apiFor(['front-desk']).on(
      'GET',
      '/api/v1/customer-export',
      () =>
        new Response('\uFEFFid,name\r\n', {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition': 'attachment; filename="customers-2026-11-23.csv"',
            'X-Total-Count': '12',
          },
        }),
    );
    renderApp(api, { path: `/customers?q=zs&status=ACTIVE&clinicId=${clinic(1).id}` });
    await user.click(await screen.findByTestId('customers-export-button'));
    expect(await screen.findByTestId('customers-export-hint')).toHaveTextContent('每次导出都会记入操作日志');
    await user.click(screen.getByTestId('customers-export-csv'));

    expect(await screen.findByText('已导出 12 位客户。本次导出已记入操作日志。')).toBeInTheDocument();
    const [call] = api.calls('GET', '/api/v1/customer-export');
    expect(Object.fromEntries(call.query)).toEqual({ format: 'csv', q: 'zs', status: 'ACTIVE', clinicId: clinic(1).id });
    expect(call.headers.get('Authorization')).toBe('Bearer test-access-token');
    expect(call.headers.get('Accept')).toContain('text/csv');
    expect(saved.map((s) => s.fileName)).toEqual(['customers-2026-11-23.csv']);
    expect((await textOf(saved[0].blob)).text).toBe('id,name\r\n');
  });

  it('downloads XLSX, telling a role without contact permission that phones are masked', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const api = apiFor(['clinician'], true).on(
      'GET',
      '/api/v1/customer-export',
      () => new Response(new Uint8Array([0x50, 0x4b, 3, 4]), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    );
    renderApp(api, { path: '/customers' });
    await screen.findByText('138****0001');
    await user.click(screen.getByTestId('customers-export-button'));
    expect(await screen.findByTestId('customers-export-hint')).toHaveTextContent('手机号按您的权限隐藏中间四位');
    await user.click(screen.getByTestId('customers-export-xlsx'));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.calls('GET', '/api/v1/customer-export')[0].query.get('format')).toBe('xlsx');
    expect(api.calls('GET', '/api/v1/customer-export')[0].headers.get('Accept')).toContain('spreadsheetml');
    // Without Content-Disposition the file is named by today's date.
    expect(saved[0].fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Array.from(new Uint8Array(await saved[0].blob.arrayBuffer()))).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('says so when the export fails, and saves nothing', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const api = apiFor(['tenant-admin']).on('GET', '/api/v1/customer-export', problem(503, { title: 'Service Unavailable' }));
    renderApp(api, { path: '/customers' });
    await user.click(await screen.findByTestId('customers-export-button'));
    await user.click(await screen.findByTestId('customers-export-csv'));
    expect(await screen.findByText('出错了: 服务暂时不可用，请稍后重试。')).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });

  it('offers the import to chain admins and managers only', async () => {
    const { unmount } = renderApp(apiFor(['manager']), { path: '/customers' });
    expect(await screen.findByTestId('import-customers-link')).toHaveAttribute('href', '/customer-imports');
    unmount();
    renderApp(apiFor(['consultant']), { path: '/customers' });
    await screen.findByTestId('customers-export-button');
    expect(screen.queryByTestId('import-customers-link')).not.toBeInTheDocument();
  });
});
