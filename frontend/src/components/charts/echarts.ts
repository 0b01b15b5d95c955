import { BarChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// The chart kinds the screens use and nothing else, so the lazily loaded chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export function drawChart(element: HTMLElement, option: echarts.EChartsCoreOption, height: number): echarts.ECharts {
  // A container not laid out yet (hidden, or in tests) has no width; the chart follows it on resize.
  const chart = echarts.init(element, undefined, { renderer: 'svg', width: element.clientWidth || 640, height });
  chart.setOption({ animation: false, ...option });
  return chart;
}

export function resizeChart(chart: echarts.ECharts, element: HTMLElement, height: number): void {
  if (element.clientWidth > 0) chart.resize({ width: element.clientWidth, height });
}
