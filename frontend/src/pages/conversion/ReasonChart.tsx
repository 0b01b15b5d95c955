import { Typography, theme } from 'antd';
import type { ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { Bar } from './reasonChart';

/**
 * The bar chart of non-conversion reasons. ECharts is loaded on first use (its own chunk), so no
 * other screen, and not the sign-in, pays for it.
 */
export function ReasonChart({ bars, label }: { bars: Bar[]; label: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Redrawn when the figures change, not on every render of the page.
  const signature = JSON.stringify(bars);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let disposed = false;
    let chart: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    import('./reasonChart')
      .then(({ drawReasonChart, resizeReasonChart }) => {
        if (disposed) return;
        const drawn = drawReasonChart(element, JSON.parse(signature) as Bar[], token.colorPrimary);
        chart = drawn;
        observer = new ResizeObserver(() => resizeReasonChart(drawn, element));
        observer.observe(element);
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [signature, token.colorPrimary]);

  if (failed) return <Typography.Text type="secondary">{t('conversion.chartFailed')}</Typography.Text>;
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 280 }} data-testid="conversion-reason-chart" />;
}
