import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import type { components } from '../../api/schema';
import { csvBlob, saveBlob, type CsvCell } from '../../components/download';
import { formatMoney, toMajorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { LIABILITY_BUCKETS as BUCKETS, type LiabilityAgingBucket, type LiabilityQuery } from '../reports/liabilityQuery';
import { LiabilitySection } from '../reports/LiabilitySection';
import { walletKeys } from './walletQueries';

type Liabilities = components['schemas']['StoredValueLiabilities'];
type Liability = components['schemas']['StoredValueLiability'];
type Aging = components['schemas']['StoredValueAging'];
type Money = Liability['principal'];

/** A row's figures of one age (the contract lists every bucket; one left out counts as none). */
function bucketOf(row: Liability, bucket: LiabilityAgingBucket): Aging {
  const none = { amount: 0, currency: row.principal.currency };
  return row.aging.find((a) => a.bucket === bucket) ?? { bucket, accounts: 0, principal: none, bonus: none };
}

/**
 * The stored-value section of the liabilities report: per selling clinic the spendable principal (deferred revenue)
 * and bonus, the expired value waiting for a reactivation, both aged by top-up date, and the chain's total (an
 * account with lots of two clinics counts once); as a CSV too.
 */
export function StoredValueLiabilities({ query }: { query: LiabilityQuery }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { clinicId, asOf } = query;
  const report = useQuery({
    queryKey: [...walletKeys.all, 'liabilities', { clinicId, asOf }],
    queryFn: () => dataOf(api.GET('/api/v1/stored-value/liabilities', { params: { query: { clinicId, asOf } } })),
    placeholderData: keepPreviousData,
  });
  const clinicName = (row: Liability) => row.clinicName ?? t('wallet.liabilities.noClinic');
  const money = (m: Money) => formatMoney(m, locale);

  const download = (result: Liabilities) => {
    const major = (m: Money) => toMajorUnits(m.amount, m.currency);
    const currency = result.currency;
    const rows: CsvCell[][] = [
      [
        t('liabilities.col.clinic'),
        t('wallet.liabilities.accounts'),
        t('wallet.liabilities.principalIn', { currency }),
        t('wallet.liabilities.bonusIn', { currency }),
        t('wallet.liabilities.balanceIn', { currency }),
        t('wallet.liabilities.expiredAccounts'),
        t('wallet.liabilities.expiredPrincipalIn', { currency }),
        t('wallet.liabilities.expiredBonusIn', { currency }),
        ...BUCKETS.flatMap((b) => [
          `${t(`liabilities.bucket.${b}`)} ${t('wallet.liabilities.principalIn', { currency })}`,
          `${t(`liabilities.bucket.${b}`)} ${t('wallet.liabilities.bonusIn', { currency })}`,
        ]),
      ],
      ...[...result.clinics.map((c) => ({ name: clinicName(c), row: c })), { name: t('packs.total'), row: result.total }].map(({ name, row }) => [
        name,
        row.accounts,
        major(row.principal),
        major(row.bonus),
        major(row.balance),
        row.expiredAccounts,
        major(row.expiredPrincipal),
        major(row.expiredBonus),
        ...BUCKETS.flatMap((b) => {
          const a = bucketOf(row, b);
          return [major(a.principal), major(a.bonus)];
        }),
      ]),
    ];
    saveBlob(csvBlob(rows), t('wallet.liabilities.fileName', { day: query.day }));
  };

  const columns: ColumnsType<Liability> = [
    { title: t('liabilities.col.clinic'), key: 'clinic', fixed: 'left', width: 150, render: (_, row) => clinicName(row) },
    { title: t('wallet.liabilities.accounts'), dataIndex: 'accounts', key: 'accounts', align: 'right', width: 80 },
    {
      title: t('wallet.liabilities.principal'),
      key: 'principal',
      align: 'right',
      width: 130,
      render: (_, row) => <strong data-testid={`sv-liability-${row.clinicId ?? 'none'}`}>{money(row.principal)}</strong>,
    },
    { title: t('wallet.bonus'), key: 'bonus', align: 'right', width: 120, render: (_, row) => money(row.bonus) },
    { title: t('wallet.liabilities.balance'), key: 'balance', align: 'right', width: 130, render: (_, row) => money(row.balance) },
    {
      title: t('wallet.liabilities.expired'),
      key: 'expired',
      children: [
        { title: t('wallet.liabilities.accounts'), dataIndex: 'expiredAccounts', key: 'expiredAccounts', align: 'right' as const, width: 80 },
        { title: t('wallet.principal'), key: 'expiredPrincipal', align: 'right' as const, width: 120, render: (_: unknown, row: Liability) => money(row.expiredPrincipal) },
        { title: t('wallet.bonus'), key: 'expiredBonus', align: 'right' as const, width: 120, render: (_: unknown, row: Liability) => money(row.expiredBonus) },
      ],
    },
    ...BUCKETS.map((b) => ({
      title: t(`liabilities.bucket.${b}`),
      key: b,
      children: [
        { title: t('wallet.principal'), key: `${b}-principal`, align: 'right' as const, width: 120, render: (_: unknown, row: Liability) => money(bucketOf(row, b).principal) },
        { title: t('wallet.bonus'), key: `${b}-bonus`, align: 'right' as const, width: 120, render: (_: unknown, row: Liability) => money(bucketOf(row, b).bonus) },
      ],
    })),
  ];

  return (
    <LiabilitySection
      title={t('wallet.liabilities.title')}
      testId="sv-liabilities"
      report={report}
      columns={columns}
      emptyText={t('wallet.liabilities.none')}
      scrollX={1900}
      download={download}
      totalCells={(total) => [
        total.accounts,
        <strong data-testid="sv-liability-total">{money(total.principal)}</strong>,
        money(total.bonus),
        money(total.balance),
        total.expiredAccounts,
        money(total.expiredPrincipal),
        money(total.expiredBonus),
        ...BUCKETS.flatMap((b) => {
          const a = bucketOf(total, b);
          return [money(a.principal), money(a.bonus)];
        }),
      ]}
    />
  );
}
