import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json } from '../../test/fakeApi';
import { captureDownloads, textOf } from '../../test/downloads';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Analysis = components['schemas']['ConversionAnalysis'];
type Figures = components['schemas']['ConversionFigures'];

const figures = (overrides: Partial<Figures>): Figures => ({
  consultations: 0,
  converted: 0,
  notConverted: 0,
  pending: 0,
  conversionRate: null,
  reasons: [],
  ...overrides,
});

const MAY = '/conversion?from=2026-05-01&to=2026-05-31&groupBy=CONSULTANT';

const byConsultant: Analysis = {
  from: '2026-05-01T00:00:00+08:00',
  to: '2026-06-01T00:00:00+08:00',
  groupBy: 'CONSULTANT',
  total: figures({
    consultations: 10,
    converted: 5,
    notConverted: 3,
    pending: 2,
    conversionRate: 0.625,
    reasons: [
      { reason: 'PRICE', count: 2 },
      { reason: 'TIMING', count: 1 },
    ],
  }),
  groups: [
    {
      key: '01900000-0000-7000-8000-000000000507',
      label: '王咨询',
      figures: figures({ consultations: 8, converted: 5, notConverted: 3, conversionRate: 0.625, reasons: [{ reason: 'PRICE', count: 2 }, { reason: 'TIMING', count: 1 }] }),
    },
    { key: '01900000-0000-7000-8000-000000000508', label: '=李咨询', figures: figures({ consultations: 2, pending: 2 }) },
  ],
};

function apiFor(roles: Parameters<typeof me>[0], answer: (query: URLSearchParams) => Analysis = () => byConsultant) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/consultations/analysis', (req) => json(answer(new URL(req.url).searchParams)));
}

const lastQuery = (api: FakeApi) => Object.fromEntries(api.calls('GET', '/api/v1/consultations/analysis').at(-1)!.query);

afterEach(() => vi.restoreAllMocks());

describe('Conversion analysis', () => {
  it('asks for this month in the chain’s time zone by consultant, from the menu', async () => {
    const user = userEvent.setup();
    const api = apiFor(['manager']);
    renderApp(api, { path: '/overview' });
    await user.click(await screen.findByTestId('nav-conversion'));
    await screen.findByTestId('conversion-table');
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const query = lastQuery(api);
    expect(query.groupBy).toBe('CONSULTANT');
    expect(query.from).toBe(`${month}-01T00:00:00+08:00`);
    expect(query.to).toMatch(/^\d{4}-\d{2}-01T00:00:00\+08:00$/);
    expect(query.clinicId).toBeUndefined();
  });

  it('shows each group and the total with the rate in percent, a dash while nothing is decided, and the reasons', async () => {
    renderApp(apiFor(['tenant-admin']), { path: MAY });
    const table = await screen.findByTestId('conversion-table');
    const rows = within(table).getAllByRole('row');
    const wang = rows.find((r) => r.textContent?.includes('王咨询'))!;
    expect(wang).toHaveTextContent('王咨询853062.5%价格 2时机未到 1');
    const li = rows.find((r) => r.textContent?.includes('李咨询'))!;
    expect(li).toHaveTextContent('=李咨询2002—');
    expect(li).not.toHaveTextContent('NaN');
    expect(screen.getByTestId('conversion-total-row')).toHaveTextContent('合计1053262.5%');
    expect(screen.getByTestId('conversion-total-rate')).toHaveTextContent('62.5%');

    const reasons = screen.getByTestId('conversion-reasons');
    expect(within(reasons).getByTestId('conversion-reasons-table')).toHaveTextContent('价格266.7%时机未到133.3%');
    // The chart (ECharts, loaded on demand) says what it shows.
    expect(await within(reasons).findByRole('img')).toHaveAttribute('aria-label', '价格 2、时机未到 1');
    await waitFor(() => expect(within(reasons).getByTestId('conversion-reason-chart').querySelector('svg')).not.toBeNull());
  });

  it('switches the grouping and the clinic, and names sources and months in words', async () => {
    const user = userEvent.setup();
    const api = apiFor(['manager'], (q) => ({
      ...byConsultant,
      groupBy: q.get('groupBy') as Analysis['groupBy'],
      groups:
        q.get('groupBy') === 'SOURCE'
          ? [{ key: 'REFERRAL', label: 'REFERRAL', figures: figures({ consultations: 4, converted: 1, notConverted: 3, conversionRate: 0.25 }) }]
          : [{ key: '2026-05', label: '2026-05', figures: figures({ consultations: 4, converted: 4, conversionRate: 1 }) }],
    }));
    renderApp(api, { path: MAY });
    await screen.findByTestId('conversion-table');
    await user.click(screen.getByTestId('conversion-group-SOURCE'));
    await waitFor(() => expect(lastQuery(api).groupBy).toBe('SOURCE'));
    expect(await within(screen.getByTestId('conversion-table')).findByText('老客推荐')).toBeInTheDocument();
    expect(screen.getByTestId('conversion-table')).toHaveTextContent('25%');

    await user.click(screen.getByTestId('conversion-group-MONTH'));
    expect(await within(screen.getByTestId('conversion-table')).findByText('2026年5月')).toBeInTheDocument();

    await user.click(within(screen.getByTestId('conversion-clinic-filter')).getByRole('combobox'));
    await user.click(await screen.findByTitle('上海2号店'));
    await waitFor(() => expect(lastQuery(api).clinicId).toBe(clinic(2).id));
    expect(lastQuery(api)).toMatchObject({ from: '2026-05-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00', groupBy: 'MONTH' });
  });

  it('shows an empty period as such: no table, no NaN, nothing to download', async () => {
    const empty: Analysis = { ...byConsultant, total: figures({}), groups: [] };
    renderApp(apiFor(['manager'], () => empty), { path: '/conversion?from=2026-02-01&to=2026-02-28' });
    expect(await screen.findByTestId('conversion-empty')).toHaveTextContent('2026-02-01 至 2026-02-28 没有咨询记录');
    expect(screen.queryByTestId('conversion-table')).not.toBeInTheDocument();
    expect(screen.getByTestId('conversion-page')).not.toHaveTextContent('NaN');
    expect(screen.getByTestId('conversion-csv-button')).toBeDisabled();
  });

  it('downloads the table as CSV: groups, total, rate in percent (empty while undecided), reason counts', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    renderApp(apiFor(['manager']), { path: MAY, locale: 'en-US' });
    await screen.findByTestId('conversion-table');
    await user.click(screen.getByTestId('conversion-csv-button'));
    expect(saved[0].fileName).toBe('conversion-by-Consultant-2026-05-01-to-2026-05-31.csv');
    const { bom, text } = await textOf(saved[0].blob);
    expect(bom).toBe(true);
    expect(text.split('\r\n')).toEqual([
      'Consultant,Consultations,Converted,Not converted,Pending,Conversion rate (%),Price,Trust,Timing,Doubts about the result,Went to a competitor,Other',
      '王咨询,8,5,3,0,62.5,2,0,1,0,0,0',
      // A label Excel would read as a formula is kept as text.
      "'=李咨询,2,0,0,2,,0,0,0,0,0,0",
      'Total,10,5,3,2,62.5,2,0,1,0,0,0',
      '',
    ]);
  });
});
