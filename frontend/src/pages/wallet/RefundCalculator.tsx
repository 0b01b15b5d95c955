import { Alert, Descriptions, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Money } from '../../api/queries';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { LotLabel } from './LotLabel';
import { expiredValue } from './walletFigures';
import { type StoredValueLot, type StoredValueRefundQuote, type StoredValueRefundQuoteLot } from './walletQueries';

type Figure = 'principal' | 'bonus' | 'consumed' | 'principalConsumed' | 'refund' | 'forfeitedBonus';

/**
 * The refund calculator: per live lot the figures of the courts' formula as the server worked them out — paid P,
 * bonus B, consumed C, the principal the consumption used up, the refund P − C × P ÷ (P + B) and the bonus that is
 * forfeited — with the server's own working, then the totals. Nothing here is computed in the browser.
 */
export function RefundCalculator({ quote, lots }: { quote: StoredValueRefundQuote; lots: StoredValueLot[] }) {
  const { t, locale } = useI18n();
  const fmt = (m: Money) => formatMoney(m, locale);
  const cell = (key: Figure, title: string, strong = false) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, l: StoredValueRefundQuoteLot, i: number) => (
      <Typography.Text strong={strong} data-testid={`refund-quote-${i}-${key}`}>
        {fmt(l[key])}
      </Typography.Text>
    ),
  });
  const columns: ColumnsType<StoredValueRefundQuoteLot> = [
    {
      title: t('wallet.lot'),
      key: 'lot',
      render: (_, l) => {
        const lot = lots.find((x) => x.id === l.lotId);
        return lot ? <LotLabel lot={lot} /> : '—';
      },
    },
    cell('principal', t('wallet.quote.paid')),
    cell('bonus', t('wallet.quote.bonus')),
    cell('consumed', t('wallet.quote.consumed')),
    cell('principalConsumed', t('wallet.quote.principalConsumed')),
    cell('refund', t('wallet.quote.refund'), true),
    cell('forfeitedBonus', t('wallet.quote.forfeited')),
  ];
  return (
    <div data-testid="refund-quote">
      <Typography.Paragraph type="secondary">{t('wallet.quote.formula')}</Typography.Paragraph>
      <Table<StoredValueRefundQuoteLot>
        rowKey="lotId"
        size="small"
        pagination={false}
        dataSource={quote.lots}
        columns={columns}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('wallet.quote.noLots') }}
        expandable={{
          defaultExpandAllRows: true,
          showExpandColumn: false,
          expandedRowRender: (l, i) => (
            <Typography.Text code data-testid={`refund-quote-${i}-formula`}>
              {l.formula}
            </Typography.Text>
          ),
        }}
      />
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={<Typography.Text strong>{t('wallet.quote.totalRefund')}</Typography.Text>}>
          <Typography.Text strong data-testid="refund-quote-total">
            {fmt(quote.refund)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('wallet.quote.totalForfeited')}>
          <span data-testid="refund-quote-forfeited">{fmt(quote.forfeitedBonus)}</span>
        </Descriptions.Item>
      </Descriptions>
      {expiredValue(quote).amount > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="refund-quote-expired"
          title={t('wallet.quote.expired', {
            principal: fmt(quote.expiredPrincipal),
            bonus: fmt(quote.expiredBonus),
          })}
        />
      )}
    </div>
  );
}
