import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { captureDownloads, textOf } from '../../test/downloads';
import { FakeApi, json } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Liabilities = components['schemas']['SessionPackLiabilities'];
type Liability = components['schemas']['SessionPackLiability'];
type Role = Parameters<typeof me>[0][number];

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const JINGAN = clinic(1, { name: '上海静安店' });
const XUHUI = clinic(2, { name: '=徐汇店' });

function liability(c: { id: string; name: string } | null, aging: [number, number, number][]): Liability {
  const [packs, sessions, value] = aging.reduce(([p, s, v], [ap, as, av]) => [p + ap, s + as, v + av], [0, 0, 0]);
  return {
    clinicId: c?.id ?? null,
    clinicName: c?.name ?? null,
    packs,
    sessions,
    value: cny(value),
    aging: (['DAYS_0_90', 'DAYS_91_180', 'DAYS_181_365', 'OVER_365'] as const).map((bucket, i) => ({
      bucket,
      packs: aging[i][0],
      sessions: aging[i][1],
      value: cny(aging[i][2]),
    })),
  };
}

const REPORT: Liabilities = {
  asOf: '2026-11-23T10:00:00+08:00',
  currency: 'CNY',
  clinics: [
    liability(JINGAN, [[3, 9, 1_220_000], [1, 2, 256_719], [0, 0, 0], [1, 1, 227_685]]),
    liability(XUHUI, [[1, 4, 551_641], [0, 0, 0], [0, 0, 0], [0, 0, 0]]),
  ],
  total: liability(null, [[4, 13, 1_771_641], [1, 2, 256_719], [0, 0, 0], [1, 1, 227_685]]),
};

const none = (clinicId: null) => ({
  clinicId,
  clinicName: null,
  accounts: 0,
  principal: cny(0),
  bonus: cny(0),
  balance: cny(0),
  expiredAccounts: 0,
  expiredPrincipal: cny(0),
  expiredBonus: cny(0),
  aging: [],
});
const NO_STORED_VALUE: components['schemas']['StoredValueLiabilities'] = { asOf: REPORT.asOf, currency: 'CNY', clinics: [], total: none(null) };

function apiFor(roles: Role[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [JINGAN, XUHUI], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/session-packs/liabilities', json(REPORT))
    .on('GET', '/api/v1/stored-value/liabilities', json(NO_STORED_VALUE));
}

afterEach(() => vi.restoreAllMocks());

describe('Session-pack liabilities', () => {
  it('shows each selling clinic’s sessions left and their value by age, the total, and exports exactly that as CSV', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const api = apiFor(['manager']);
    renderApp(api, { path: '/overview' });
    await user.click(await screen.findByTestId('nav-liabilities'));

    const table = await screen.findByTestId('pack-liabilities-table');
    expect(Object.fromEntries(api.calls('GET', '/api/v1/session-packs/liabilities')[0].query)).toEqual({});
    expect(within(table).getByTestId(`pack-liability-${JINGAN.id}`)).toHaveTextContent('¥17,044.04');
    expect(within(table).getByTestId('pack-liability-total')).toHaveTextContent('¥22,560.45');
    const total = within(table).getByTestId('pack-liabilities-total');
    expect(total).toHaveTextContent('16');
    expect(total).toHaveTextContent('¥17,716.41');

    await user.click(screen.getByTestId('pack-liabilities-csv'));
    expect(saved).toHaveLength(1);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(saved[0].fileName).toBe(`疗程卡预收负债-${day}.csv`);
    const { bom, text } = await textOf(saved[0].blob);
    expect(bom).toBe(true);
    const bucket = (name: string) => `${name} 张数,${name} 剩余次数,${name} 未消耗价值（CNY）`;
    expect(text).toBe(
      [
        `售出门店,张数,剩余次数,未消耗价值（CNY）,${bucket('0–90 天')},${bucket('91–180 天')},${bucket('181–365 天')},${bucket('365 天以上')}`,
        '上海静安店,5,12,17044.04,3,9,12200.00,1,2,2567.19,0,0,0.00,1,1,2276.85',
        // A name Excel would run as a formula is kept as text.
        "'=徐汇店,1,4,5516.41,1,4,5516.41,0,0,0.00,0,0,0.00,0,0,0.00",
        '合计,6,16,22560.45,4,13,17716.41,1,2,2567.19,0,0,0.00,1,1,2276.85',
        '',
      ].join('\r\n'),
    );
  });

  it('asks for the end of the day the URL names, on the chain’s clock, and for one clinic when chosen', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin']);
    renderApp(api, { path: '/reports/liabilities?asOf=2026-06-30' });
    await screen.findByTestId('pack-liabilities-table');
    expect(Object.fromEntries(api.calls('GET', '/api/v1/session-packs/liabilities')[0].query)).toEqual({ asOf: '2026-07-01T00:00:00+08:00' });
    await user.click(within(screen.getByTestId('liabilities-clinic')).getByRole('combobox'));
    await user.click(await screen.findByTitle('上海静安店'));
    await waitFor(() =>
      expect(Object.fromEntries(api.calls('GET', '/api/v1/session-packs/liabilities').at(-1)!.query)).toEqual({
        asOf: '2026-07-01T00:00:00+08:00',
        clinicId: JINGAN.id,
      }),
    );
  });

  it('is for chain admins and managers only', async () => {
    for (const role of ['consultant', 'front-desk', 'clinician'] as Role[]) {
      const api = apiFor([role]);
      const { unmount } = renderApp(api, { path: '/reports/liabilities' });
      expect(await screen.findByText('您没有权限访问此页面'), role).toBeInTheDocument();
      expect(screen.queryByTestId('nav-liabilities')).not.toBeInTheDocument();
      expect(api.calls('GET', '/api/v1/session-packs/liabilities'), role).toHaveLength(0);
      unmount();
    }
  });
});
