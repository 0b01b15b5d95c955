import { DownloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/** What every liability report answers: rows per selling clinic (null for none) and their total. */
interface ClinicRows<R> {
  clinics: R[];
  total: R;
}

/**
 * One section of the liabilities report: a card with the per-clinic table, its total row and a CSV download of
 * the figures shown; while another clinic or day loads, the previous figures stay greyed and the CSV waits.
 */
export function LiabilitySection<R extends { clinicId?: string | null }, D extends ClinicRows<R>>(props: {
  title: string;
  testId: string;
  report: UseQueryResult<D>;
  columns: ColumnsType<R>;
  /** The total row's cells after the first ("合计"), in column order. */
  totalCells: (total: R) => ReactNode[];
  emptyText: string;
  scrollX: number;
  download: (data: D) => void;
}) {
  const { t } = useI18n();
  const { report, testId } = props;
  const data = report.data;
  return (
    <Card
      title={props.title}
      data-testid={testId}
      extra={
        <Button icon={<DownloadOutlined />} disabled={!data || report.isPlaceholderData} onClick={() => data && props.download(data)} data-testid={`${testId}-csv`}>
          {t('liabilities.csv')}
        </Button>
      }
    >
      {report.isError && !data ? (
        <ErrorAlert error={report.error} onRetry={() => report.refetch()} testId={`${testId}-error`} />
      ) : !data ? (
        <Spin>
          <div style={{ height: 160 }} />
        </Spin>
      ) : (
        <Spin spinning={report.isPlaceholderData}>
          <Table<R>
            rowKey={(row) => row.clinicId ?? 'none'}
            size="small"
            bordered
            pagination={false}
            columns={props.columns}
            dataSource={data.clinics}
            scroll={{ x: props.scrollX }}
            data-testid={`${testId}-table`}
            locale={{ emptyText: props.emptyText }}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row data-testid={`${testId}-total`}>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('packs.total')}</strong>
                  </Table.Summary.Cell>
                  {props.totalCells(data.total).map((cell, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {cell}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </Spin>
      )}
    </Card>
  );
}
