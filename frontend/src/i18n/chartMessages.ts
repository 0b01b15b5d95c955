/** The strings of the shared chart kit (components/charts), in both languages; spread into messages.ts. */
export const chartZh = {
  'charts.failed': '图表未能加载，请刷新页面重试。',
  'charts.downloadCsv': '下载 CSV',
};

export const chartEn: Record<keyof typeof chartZh, string> = {
  'charts.failed': 'The chart could not be loaded; reload the page to try again.',
  'charts.downloadCsv': 'Download CSV',
};
