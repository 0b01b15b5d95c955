import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { csvBlob, saveBlob, type CsvCell } from '../../components/download';
import { formatMoney, toMajorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { LIABILITY_BUCKETS as BUCKETS, type LiabilityAgingBucket, type LiabilityQuery } from '../reports/liabilityQuery';
import { LiabilitySection } from '../reports/LiabilitySection';
import { packKeys, type SessionPackAging, type SessionPackLiabilities, type SessionPackLiability } from './packQueries';

/** A row's figures of one age (the contract lists every bucket; one left out counts as none). */
function bucketOf(row: SessionPackLiability, bucket: LiabilityAgingBucket): SessionPackAging {
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
    <LiabilitySection
      title={t('liabilities.packs.title')}
      testId="pack-liabilities"
      report={report}
      columns={columns}
      emptyText={t('liabilities.packs.none')}
      scrollX={1300}
      download={download}
      totalCells={(total) => [
        total.packs,
        total.sessions,
        <strong data-testid="pack-liability-total">{formatMoney(total.value, locale)}</strong>,
        ...BUCKETS.flatMap((b) => {
          const a = bucketOf(total, b);
          return [a.sessions, formatMoney(a.value, locale)];
        }),
      ]}
    />
  );
}
