import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts this chart uses, so the lazily loaded chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  name: string;
  value: number;
}

const HEIGHT = 280;

/** Non-conversion reasons as horizontal bars, the most frequent on top, each labelled with its count. */
export function drawReasonChart(element: HTMLElement, bars: Bar[], color: string): echarts.ECharts {
  // A container not laid out yet (hidden, or in tests) has no width; the chart follows it on resize.
  const chart = echarts.init(element, undefined, { renderer: 'svg', width: element.clientWidth || 480, height: HEIGHT });
  const top = [...bars].reverse();
  chart.setOption({
    animation: false,
    // ECharts 6 keeps the axis labels inside the box by itself (grid.outerBoundsMode 'auto').
    grid: { left: 8, right: 48, top: 8, bottom: 8 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((b) => b.name) },
    series: [
      {
        type: 'bar',
        data: top.map((b) => b.value),
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 28,
      },
    ],
  });
  return chart;
}

export function resizeReasonChart(chart: echarts.ECharts, element: HTMLElement): void {
  if (element.clientWidth > 0) chart.resize({ width: element.clientWidth, height: HEIGHT });
}
