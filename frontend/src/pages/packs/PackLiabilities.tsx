import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { csvBlob, saveBlob, type CsvCell } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney, toMajorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import type { LiabilityQuery } from '../reports/liabilityQuery';
import { packKeys, type SessionPackAging, type SessionPackAgingBucket, type SessionPackLiabilities, type SessionPackLiability } from './packQueries';

const BUCKETS: SessionPackAgingBucket[] = ['DAYS_0_90', 'DAYS_91_180', 'DAYS_181_365', 'OVER_365'];

/** A row's figures of one age (the contract lists every bucket; one left out counts as none). */
function bucketOf(row: SessionPackLiability, bucket: SessionPackAgingBucket): SessionPackAging {
  return row.aging.find((a) => a.bucket === bucket) ?? { bucket, packs: 0, sessions: 0, value: { amount: 0, currency: row.value.currency } };
}

/**
 * The session-pack section of the liabilities report: per selling clinic the packs with sessions left, those
 * sessions and their value (what refunds would return), aged by purchase date, and the total; as a CSV too.
 */
export function PackLiabilities({ query }: { query: LiabilityQuery }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { clinicId, asOf } = query;
  const report = useQuery({
    queryKey: packKeys.liabilities({ clinicId, asOf }),
    queryFn: () => dataOf(api.GET('/api/v1/session-packs/liabilities', { params: { query: { clinicId, asOf } } })),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const clinicName = (row: SessionPackLiability) => row.clinicName ?? t('staff.otherClinic');

  const download = (result: SessionPackLiabilities) => {
    const money = (m: SessionPackLiability['value']) => toMajorUnits(m.amount, m.currency);
    const currency = result.currency;
    const rows: CsvCell[][] = [
      [
        t('liabilities.col.clinic'),
        t('liabilities.col.packs'),
        t('liabilities.col.sessions'),
        t('liabilities.col.valueIn', { currency }),
        ...BUCKETS.flatMap((b) => [
          `${t(`liabilities.bucket.${b}`)} ${t('liabilities.col.packs')}`,
          `${t(`liabilities.bucket.${b}`)} ${t('liabilities.col.sessions')}`,
          `${t(`liabilities.bucket.${b}`)} ${t('liabilities.col.valueIn', { currency })}`,
        ]),
      ],
      ...[...result.clinics.map((c) => ({ name: clinicName(c), row: c })), { name: t('packs.total'), row: result.total }].map(({ name, row }) => [
        name,
        row.packs,
        row.sessions,
        money(row.value),
        ...BUCKETS.flatMap((b) => {
          const a = bucketOf(row, b);
          return [a.packs, a.sessions, money(a.value)];
        }),
      ]),
    ];
    saveBlob(csvBlob(rows), t('liabilities.packs.fileName', { day: query.day }));
  };

  const columns: ColumnsType<SessionPackLiability> = [
    { title: t('liabilities.col.clinic'), key: 'clinic', fixed: 'left', width: 150, render: (_, row) => clinicName(row) },
    { title: t('liabilities.col.packs'), dataIndex: 'packs', key: 'packs', align: 'right', width: 80 },
    { title: t('liabilities.col.sessions'), dataIndex: 'sessions', key: 'sessions', align: 'right', width: 90 },
    {
      title: t('liabilities.col.value'),
      key: 'value',
      align: 'right',
      width: 130,
      render: (_, row) => <strong data-testid={`pack-liability-${row.clinicId}`}>{formatMoney(row.value, locale)}</strong>,
    },
    ...BUCKETS.map((b) => ({
      title: t(`liabilities.bucket.${b}`),
      key: b,
      children: [
        { title: t('liabilities.col.sessions'), key: `${b}-sessions`, align: 'right' as const, width: 80, render: (_: unknown, row: SessionPackLiability) => bucketOf(row, b).sessions },
        {
          title: t('liabilities.col.value'),
          key: `${b}-value`,
          align: 'right' as const,
          width: 120,
          render: (_: unknown, row: SessionPackLiability) => formatMoney(bucketOf(row, b).value, locale),
        },
      ],
    })),
  ];

  return (
    <Card
      title={t('liabilities.packs.title')}
      data-testid="pack-liabilities"
      extra={
        <Button icon={<DownloadOutlined />} disabled={!data || report.isPlaceholderData} onClick={() => data && download(data)} data-testid="pack-liabilities-csv">
          {t('liabilities.csv')}
        </Button>
      }
    >
      {report.isError && !data ? (
        <ErrorAlert error={report.error} onRetry={() => report.refetch()} testId="pack-liabilities-error" />
      ) : !data ? (
        <Spin>
          <div style={{ height: 160 }} />
        </Spin>
      ) : (
        <Spin spinning={report.isPlaceholderData}>
          <Table<SessionPackLiability>
            rowKey={(row) => row.clinicId ?? 'total'}
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={data.clinics}
            scroll={{ x: 1300 }}
            data-testid="pack-liabilities-table"
            locale={{ emptyText: t('liabilities.packs.none') }}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row data-testid="pack-liabilities-total">
                  <Table.Summary.Cell index={0}>
                    <strong>{t('packs.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{data.total.packs}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{data.total.sessions}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <strong data-testid="pack-liability-total">{formatMoney(data.total.value, locale)}</strong>
                  </Table.Summary.Cell>
                  {BUCKETS.flatMap((b, i) => {
                    const a = bucketOf(data.total, b);
                    return [
                      <Table.Summary.Cell key={`${b}-s`} index={4 + i * 2} align="right">
                        {a.sessions}
                      </Table.Summary.Cell>,
                      <Table.Summary.Cell key={`${b}-v`} index={5 + i * 2} align="right">
                        {formatMoney(a.value, locale)}
                      </Table.Summary.Cell>,
                    ];
                  })}
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </Spin>
      )}
    </Card>
  );
}
