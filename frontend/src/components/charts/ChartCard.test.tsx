import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { captureDownloads, textOf } from '../../test/downloads';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';

afterEach(() => vi.restoreAllMocks());

const option = {
  xAxis: { type: 'category', data: ['一月', '二月'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: [3, 5] }],
};

describe('the chart kit', () => {
  it('draws the chart once ECharts has loaded, labelled for screen readers', async () => {
    render(
      <I18nProvider initialLocale="zh-CN">
        <EChart option={option} label="每月订单" testId="orders-chart" />
      </I18nProvider>,
    );
    const chart = screen.getByRole('img', { name: '每月订单' });
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    expect(screen.getByTestId('orders-chart')).toBe(chart);
  });

  it("downloads the chart's figures as CSV, and offers nothing to download without figures", async () => {
    const saved = captureDownloads();
    const { rerender } = render(
      <I18nProvider initialLocale="en-US">
        <ChartCard title="Orders" csv={{ fileName: 'orders-2026-11', rows: [['month', 'orders'], ['2026-11', 5]] }}>
          <div />
        </ChartCard>
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    expect(saved.map((s) => s.fileName)).toEqual(['orders-2026-11.csv']);
    expect(await textOf(saved[0].blob)).toEqual({ bom: true, text: 'month,orders\r\n2026-11,5\r\n' });

    rerender(
      <I18nProvider initialLocale="en-US">
        <ChartCard title="Orders" csv={{ fileName: 'orders', rows: [['month', 'orders']] }}>
          <div />
        </ChartCard>
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: /Download CSV/ })).toBeDisabled();
  });
});
