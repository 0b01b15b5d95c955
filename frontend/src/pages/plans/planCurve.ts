import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts this chart uses, so the lazily loaded chunk stays small.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

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

const HEIGHT = 320;

/** The cumulative planned amount against the actual series, one point per month of the member year. */
export function drawPlanCurve(element: HTMLElement, data: CurveData, colors: string[]): echarts.ECharts {
  // A container not laid out yet (hidden, or in tests) has no width; the chart follows it on resize.
  const chart = echarts.init(element, undefined, { renderer: 'svg', width: element.clientWidth || 640, height: HEIGHT });
  chart.setOption({
    animation: false,
    color: colors,
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
  });
  return chart;
}

export function resizePlanCurve(chart: echarts.ECharts, element: HTMLElement): void {
  if (element.clientWidth > 0) chart.resize({ width: element.clientWidth, height: HEIGHT });
}
