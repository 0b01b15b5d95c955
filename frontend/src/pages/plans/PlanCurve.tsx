import { theme } from 'antd';
import { EChart } from '../../components/charts/EChart';
import { useI18n } from '../../i18n/I18nProvider';

/** One line of the chart: values in major units, null where there is no figure yet (months to come). */
export interface CurveSeries {
  name: string;
  values: (number | null)[];
  dashed?: boolean;
}

export interface CurveData {
  months: string[];
  series: CurveSeries[];
}

/** The cumulative planned amount against the actual series, one point per month of the member year. */
export function PlanCurve({ data }: { data: CurveData }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const option = {
    color: [token.colorPrimary, token.colorSuccess, token.colorWarning],
    grid: { left: 8, right: 24, top: 40, bottom: 8 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.months, boundaryGap: false },
    yAxis: { type: 'value' },
    series: data.series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      // Months to come have no actuals: the line stops rather than dropping to zero.
      connectNulls: false,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
      symbolSize: 6,
    })),
  };
  return <EChart option={option} label={t('plans.curveLabel')} height={320} testId="plan-curve" />;
}
