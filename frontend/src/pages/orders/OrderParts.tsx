import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Order, OrderLine, OrderStatus } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { PackLineName } from '../packs/PackLineName';
import { useMyClinics } from '../visits/useClinics';
import { StoredValueSplit } from '../wallet/StoredValueTender';
import { ORDER_STATUS_COLORS } from './orderFields';

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} data-testid="order-status">
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}

/** An order's lines as the server priced them: list and unit price, line discount, the tier's discount, net. */
export function OrderLinesTable({ order, showRefunded = false, testId }: { order: Order; showRefunded?: boolean; testId: string }) {
  const { t, locale } = useI18n();
  const fmt = (m: OrderLine['net']) => formatMoney(m, locale);
  const columns: ColumnsType<OrderLine> = [
    {
      title: t('orders.line.item'),
      key: 'item',
      render: (_, l) => (l.kind === 'PACK' ? <PackLineName line={l} customerId={order.customerId} /> : l.itemName),
    },
    { title: t('orders.line.quantity'), dataIndex: 'quantity', key: 'quantity', align: 'right', width: 70 },
    {
      title: t('orders.line.unitPrice'),
      key: 'unitPrice',
      align: 'right',
      render: (_, l) =>
        l.unitPrice.amount === l.listPrice.amount ? (
          fmt(l.unitPrice)
        ) : (
          <Flex vertical>
            <span>{fmt(l.unitPrice)}</span>
            <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
              {fmt(l.listPrice)}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      title: t('orders.line.lineDiscount'),
      key: 'lineDiscount',
      align: 'right',
      render: (_, l) => (l.lineDiscount.amount > 0 ? `−${fmt(l.lineDiscount)}` : t('common.none')),
    },
    {
      title: t('orders.line.tierDiscount'),
      key: 'tierDiscount',
      align: 'right',
      render: (_, l) =>
        l.tierDiscount.amount > 0 ? (
          <span data-testid={`${testId}-tier-${l.lineNo}`}>
            −{fmt(l.tierDiscount)} ({l.tierDiscountPercent}%)
          </span>
        ) : (
          t('common.none')
        ),
    },
    // Only orders that carry coupons show what they took off each line.
    ...(order.coupons.length > 0
      ? [
          {
            title: t('orders.line.couponDiscount'),
            key: 'couponDiscount',
            align: 'right' as const,
            render: (_: unknown, l: OrderLine) =>
              l.couponDiscount.amount > 0 ? <span data-testid={`${testId}-coupon-${l.lineNo}`}>−{fmt(l.couponDiscount)}</span> : t('common.none'),
          },
        ]
      : []),
    {
      title: t('orders.line.net'),
      key: 'net',
      align: 'right',
      render: (_, l) => <span data-testid={`${testId}-net-${l.lineNo}`}>{fmt(l.net)}</span>,
    },
    ...(showRefunded
      ? [
          {
            title: t('orders.line.refunded'),
            key: 'refunded',
            align: 'right' as const,
            render: (_: unknown, l: OrderLine) => (l.refunded.amount > 0 ? fmt(l.refunded) : t('common.none')),
          },
        ]
      : []),
  ];
  return (
    <div data-testid={testId}>
      <Table<OrderLine> rowKey="lineNo" size="small" columns={columns} dataSource={order.lines} pagination={false} scroll={{ x: 640 }} />
    </div>
  );
}

/** Subtotal, discounts and the total, as the server computed them. */
export function OrderTotals({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions column={1} size="small" data-testid="order-totals">
      <Descriptions.Item label={t('orders.subtotal')}>{formatMoney(order.subtotal, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('orders.discount')}>−{formatMoney(order.discount, locale)}</Descriptions.Item>
      <Descriptions.Item label={<Typography.Text strong>{t('orders.total')}</Typography.Text>}>
        <Typography.Text strong data-testid="order-total">
          {formatMoney(order.total, locale)}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * A paid order's receipt: number, customer, lines with their discounts, tenders, points earned and the tier
 * that priced it. Printing shows only the receipt (see the print styles in styles.css).
 */
export function OrderReceipt({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  const clinics = useMyClinics();
  const fmt = (m: Order['total']) => formatMoney(m, locale);
  return (
    <div className="receipt-print" data-testid="order-receipt">
      <Flex justify="space-between" align="center" className="no-print">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('receipt.title')}
        </Typography.Title>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-receipt">
          {t('receipt.print')}
        </Button>
      </Flex>
      <Typography.Title level={4} className="print-only">
        {clinics.nameOf(order.clinicId)} · {t('receipt.title')}
      </Typography.Title>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('receipt.number')}>
          <span data-testid="receipt-number">{order.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('receipt.paidAt')}>{formatDateTime(order.paidAt)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.customer')}>{order.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('orders.clinic')}>{clinics.nameOf(order.clinicId)}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.tier')}>
          <span data-testid="receipt-tier">{order.tierName ?? t('receipt.noTier')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('receipt.pointsEarned')}>
          <span data-testid="receipt-points">{order.pointsEarned}</span>
          {order.pointsMultiplier != null && order.pointsMultiplier !== 1 && ` (×${order.pointsMultiplier})`}
        </Descriptions.Item>
      </Descriptions>
      <OrderLinesTable order={order} testId="receipt-lines" />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <div style={{ minWidth: 260 }}>
          <OrderTotals order={order} />
        </div>
      </Flex>
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Text strong>{t('orders.tenders')}</Typography.Text>
      <ul style={{ paddingInlineStart: 20, margin: '4px 0' }} data-testid="receipt-tenders">
        {order.tenders.map((tender) => (
          <li key={tender.tenderNo}>
            {t(`tenderMethod.${tender.method}`)}: {fmt(tender.amount)}
            {tender.points != null && ` (${t('receipt.pointsUsed', { points: tender.points })})`}
            <StoredValueSplit tender={tender} />
            {tender.reference && ` · ${tender.reference}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
