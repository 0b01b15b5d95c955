import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { couponKeys, type CouponKind, type CouponTypeFigures } from './couponQueries';

/** Per coupon type: issued, where they are now, the discount given and the revenue of the orders that used them. */
export function CouponReportPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const report = useQuery({ queryKey: couponKeys.report, queryFn: () => dataOf(api.GET('/api/v1/coupons/report')) });
  const count = (key: keyof CouponTypeFigures, label: string) => ({ title: label, dataIndex: key, key, align: 'right' as const, width: 90 });
  const columns: ColumnsType<CouponTypeFigures> = [
    { title: t('coupons.col.name'), key: 'name', render: (_, row) => <strong>{row.name}</strong> },
    { title: t('coupons.col.kind'), dataIndex: 'kind', width: 110, render: (kind: CouponKind) => t(`coupons.kind.${kind}`) },
    count('issued', t('coupons.col.issued')),
    count('outstanding', t('coupons.col.outstanding')),
    count('redeemed', t('coupons.col.redeemed')),
    count('expired', t('coupons.col.expired')),
    count('voided', t('coupons.col.voided')),
    { title: t('coupons.col.discountGiven'), key: 'discount', align: 'right', width: 130, render: (_, row) => formatMoney(row.discountGiven, locale) },
    {
      title: t('coupons.col.revenue'),
      key: 'revenue',
      align: 'right',
      width: 140,
      render: (_, row) => <strong data-testid={`coupon-revenue-${row.code}`}>{formatMoney(row.revenue, locale)}</strong>,
    },
  ];
  return (
    <div data-testid="coupon-report-page">
      <PageHeader title={t('coupons.reportTitle')} />
      {report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => report.refetch()} testId="coupon-report-error" />
      ) : (
        <div data-testid="coupon-report-table">
          <Table<CouponTypeFigures>
            rowKey="couponTypeId"
            columns={columns}
            dataSource={report.data?.items ?? []}
            loading={report.isPending}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('coupons.reportEmpty') }}
          />
        </div>
      )}
    </div>
  );
}
