import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { csvBlob, saveBlob, type CsvCell } from '../download';

export interface ChartCsv {
  /** Without the extension. */
  fileName: string;
  /** The chart's figures as a table, header row first: what the chart draws, not a different cut. */
  rows: readonly (readonly CsvCell[])[];
}

/** A titled card holding a chart (or a table) whose figures can be downloaded as CSV. */
export function ChartCard({ title, csv, extra, children }: { title: ReactNode; csv: ChartCsv; extra?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={title}
      extra={
        <>
          {extra}
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            disabled={csv.rows.length < 2}
            onClick={() => saveBlob(csvBlob(csv.rows), `${csv.fileName}.csv`)}
          >
            {t('charts.downloadCsv')}
          </Button>
        </>
      }
    >
      {children}
    </Card>
  );
}
