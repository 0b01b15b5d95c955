import { Typography } from 'antd';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

export interface EChartProps {
  /** An ECharts option; only plain data (it is compared by its JSON to decide when to redraw). */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
  testId?: string;
}

/**
 * One chart. ECharts is loaded on first use (its own chunk), so no screen without charts, and not the sign-in,
 * pays for it. When it cannot load, the chart says so instead of leaving a hole.
 */
export function EChart({ option, label, height = 320, testId }: EChartProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Redrawn when the figures change, not on every render of the page.
  const signature = JSON.stringify(option);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let disposed = false;
    let chart: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    import('./echarts')
      .then(({ drawChart, resizeChart }) => {
        if (disposed) return;
        const drawn = drawChart(element, JSON.parse(signature) as EChartsCoreOption, height);
        chart = drawn;
        observer = new ResizeObserver(() => resizeChart(drawn, element, height));
        observer.observe(element);
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [signature, height]);

  if (failed) return <Typography.Text type="secondary">{t('charts.failed')}</Typography.Text>;
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />;
}
