import { theme } from 'antd';
import { EChart } from '../../components/charts/EChart';

export interface Bar {
  name: string;
  value: number;
}

/** Non-conversion reasons as horizontal bars, the most frequent on top, each labelled with its count. */
export function ReasonChart({ bars, label }: { bars: Bar[]; label: string }) {
  const { token } = theme.useToken();
  const top = [...bars].reverse();
  const option = {
    // ECharts 6 keeps the axis labels inside the box by itself (grid.outerBoundsMode 'auto').
    grid: { left: 8, right: 48, top: 8, bottom: 8 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((b) => b.name) },
    series: [
      {
        type: 'bar',
        data: top.map((b) => b.value),
        itemStyle: { color: token.colorPrimary, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 28,
      },
    ],
  };
  return <EChart option={option} label={label} height={280} testId="conversion-reason-chart" />;
}
