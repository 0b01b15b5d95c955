import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { captureDownloads, textOf } from '../../test/downloads';
import { FakeApi, json } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Liabilities = components['schemas']['StoredValueLiabilities'];
type Liability = components['schemas']['StoredValueLiability'];

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const JINGAN = clinic(1, { name: '上海静安店' });

/** A row from its figures by age ([accounts, principal, bonus] each) and its expired [accounts, principal, bonus]. */
function liability(c: { id: string; name: string } | null, accounts: number, aging: [number, number, number][], expired: [number, number, number]): Liability {
  const principal = aging.reduce((sum, [, p]) => sum + p, 0);
  const bonus = aging.reduce((sum, [, , b]) => sum + b, 0);
  return {
    clinicId: c?.id ?? null,
    clinicName: c?.name ?? null,
    accounts,
    principal: cny(principal),
    bonus: cny(bonus),
    balance: cny(principal + bonus),
    expiredAccounts: expired[0],
    expiredPrincipal: cny(expired[1]),
    expiredBonus: cny(expired[2]),
    aging: (['DAYS_0_90', 'DAYS_91_180', 'DAYS_181_365', 'OVER_365'] as const).map((bucket, i) => ({
      bucket,
      accounts: aging[i][0],
      principal: cny(aging[i][1]),
      bonus: cny(aging[i][2]),
    })),
  };
}

const ZERO: [number, number, number] = [0, 0, 0];
const REPORT: Liabilities = {
  asOf: '2026-11-23T10:00:00+08:00',
  currency: 'CNY',
  clinics: [
    liability(JINGAN, 2, [[1, 300_000, 300_000], ZERO, [1, 150_050, 50_000], ZERO], [1, 100_000, 20_000]),
    // A correction made without a clinic.
    liability(null, 1, [[1, 0, 10_000], ZERO, ZERO, ZERO], ZERO),
  ],
  total: liability(null, 3, [[2, 300_000, 310_000], ZERO, [1, 150_050, 50_000], ZERO], [1, 100_000, 20_000]),
};

function apiFor(roles: Parameters<typeof me>[0][number][]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [JINGAN], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/stored-value/liabilities', json(REPORT))
    .on('GET', '/api/v1/session-packs/liabilities', json({ asOf: REPORT.asOf, currency: 'CNY', clinics: [], total: { clinicId: null, clinicName: null, packs: 0, sessions: 0, value: cny(0), aging: [] } }));
}

afterEach(() => vi.restoreAllMocks());

describe('Stored-value liabilities', () => {
  it('shows each selling clinic’s principal, bonus and expired value by age, the total, and exports exactly that as CSV', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    renderApp(apiFor(['manager']), { path: '/reports/liabilities' });

    const table = await screen.findByTestId('sv-liabilities-table');
    expect(within(table).getByTestId(`sv-liability-${JINGAN.id}`)).toHaveTextContent('¥4,500.50');
    expect(within(table).getByText('未归属门店（调整）')).toBeInTheDocument();
    expect(within(table).getByTestId('sv-liability-total')).toHaveTextContent('¥4,500.50');
    const total = within(table).getByTestId('sv-liabilities-total');
    expect(total).toHaveTextContent('¥8,100.50');
    expect(total).toHaveTextContent('¥1,000.00');

    await user.click(screen.getByTestId('sv-liabilities-csv'));
    expect(saved).toHaveLength(1);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(saved[0].fileName).toBe(`储值卡预收负债-${day}.csv`);
    const { bom, text } = await textOf(saved[0].blob);
    expect(bom).toBe(true);
    const bucket = (name: string) => `${name} 本金（CNY）,${name} 赠送（CNY）`;
    expect(text).toBe(
      [
        `售出门店,账户数,本金（CNY）,赠送（CNY）,余额合计（CNY）,过期账户数,过期本金（CNY）,过期赠送（CNY）,${bucket('0–90 天')},${bucket('91–180 天')},${bucket('181–365 天')},${bucket('365 天以上')}`,
        '上海静安店,2,4500.50,3500.00,8000.50,1,1000.00,200.00,3000.00,3000.00,0.00,0.00,1500.50,500.00,0.00,0.00',
        '未归属门店（调整）,1,0.00,100.00,100.00,0,0.00,0.00,0.00,100.00,0.00,0.00,0.00,0.00,0.00,0.00',
        '合计,3,4500.50,3600.00,8100.50,1,1000.00,200.00,3000.00,3100.00,0.00,0.00,1500.50,500.00,0.00,0.00',
        '',
      ].join('\r\n'),
    );
  });

  it('asks for the same clinic and day as the rest of the report', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin']);
    renderApp(api, { path: '/reports/liabilities?asOf=2026-06-30' });
    await screen.findByTestId('sv-liabilities-table');
    expect(Object.fromEntries(api.calls('GET', '/api/v1/stored-value/liabilities')[0].query)).toEqual({ asOf: '2026-07-01T00:00:00+08:00' });
    await user.click(within(screen.getByTestId('liabilities-clinic')).getByRole('combobox'));
    await user.click(await screen.findByTitle('上海静安店'));
    await waitFor(() =>
      expect(Object.fromEntries(api.calls('GET', '/api/v1/stored-value/liabilities').at(-1)!.query)).toEqual({
        asOf: '2026-07-01T00:00:00+08:00',
        clinicId: JINGAN.id,
      }),
    );
  });

  it('shows a failed report with a retry, and keeps the other sections', async () => {
    const api = apiFor(['manager']).on('GET', '/api/v1/stored-value/liabilities', json({ status: 500, title: 'boom' }, 500));
    renderApp(api, { path: '/reports/liabilities' });
    expect(await screen.findByTestId('sv-liabilities-error')).toBeInTheDocument();
    expect(await screen.findByTestId('pack-liabilities-table')).toBeInTheDocument();
    expect(screen.getByTestId('sv-liabilities-csv')).toBeDisabled();
  });
});
