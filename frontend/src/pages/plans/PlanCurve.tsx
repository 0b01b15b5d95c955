import { Typography, theme } from 'antd';
import type { ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { CurveData } from './planCurve';

/**
 * The planned-vs-actual curve of a member year. ECharts is loaded on first use (its own chunk), so no other screen
 * pays for it.
 */
export function PlanCurve({ data }: { data: CurveData }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Redrawn when the figures change, not on every render of the tab.
  const signature = JSON.stringify(data);
  const colors = [token.colorPrimary, token.colorSuccess, token.colorWarning];
  const palette = colors.join(',');

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let disposed = false;
    let chart: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    import('./planCurve')
      .then(({ drawPlanCurve, resizePlanCurve }) => {
        if (disposed) return;
        const drawn = drawPlanCurve(element, JSON.parse(signature) as CurveData, palette.split(','));
        chart = drawn;
        observer = new ResizeObserver(() => resizePlanCurve(drawn, element));
        observer.observe(element);
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [signature, palette]);

  if (failed) return <Typography.Text type="secondary">{t('plans.chartFailed')}</Typography.Text>;
  return <div ref={ref} role="img" aria-label={t('plans.curveLabel')} style={{ width: '100%', height: 320 }} data-testid="plan-curve" />;
}
