import { ArrowLeftOutlined, RollbackOutlined, ShoppingCartOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { keys, type Order, type Refund } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { useStaffDirectory, useUserNames } from '../customers/useStaffDirectory';
import { useMyClinics } from '../visits/useClinics';
import { StoredValueSplit, storedValueSplitText } from '../wallet/StoredValueTender';
import { latestRefund, RefundModal, VoidOrderModal } from './OrderModals';
import { OrderLinesTable, OrderReceipt, OrderStatusTag, OrderTotals } from './OrderParts';
import { isRefundable } from './orderFields';

/** One order: its lines, tenders, refunds and receipt; drafts can be resumed at the till or voided, paid ones refunded. */
export function OrderPage() {
  const { orderId = '' } = useParams();
  return <OrderView key={orderId} orderId={orderId} />;
}

function OrderView({ orderId }: { orderId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const clinics = useMyClinics();
  const directory = useStaffDirectory();
  const userName = useUserNames();
  const [refunding, setRefunding] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [refunded, setRefunded] = useState<Refund | null>(null);
  const record = useQuery({
    queryKey: keys.order(orderId),
    queryFn: () => unwrap(api.GET('/api/v1/orders/{orderId}', { params: { path: { orderId } } })),
  });
  const back = (
    <Link to="/orders" data-testid="back-to-orders">
      <ArrowLeftOutlined /> {t('orders.backToList')}
    </Link>
  );
  if (record.isPending) {
    return (
      <Spin>
        <div style={{ height: 240 }} />
      </Spin>
    );
  }
  if (record.isError) {
    return (
      <Flex vertical gap={16}>
        {back}
        <ErrorAlert error={record.error} onRetry={() => record.refetch()} testId="order-error" />
      </Flex>
    );
  }
  const order = record.data.data;
  const none = t('common.none');
  const fmt = (m: Order['total']) => formatMoney(m, locale);
  const paid = order.status !== 'DRAFT' && order.status !== 'VOID';

  return (
    <div data-testid="order-page">
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <Space>
            <span data-testid="order-number">{t('orders.titleNumber', { number: order.number })}</span>
            <OrderStatusTag status={order.status} />
            {order.secondDevelopment && <Tag color="purple">{t('orders.secondDevelopment')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {order.status === 'DRAFT' && permissions.canSell && (
              <>
                <Link to={`/pos?order=${order.id}`}>
                  <Button type="primary" icon={<ShoppingCartOutlined />} data-testid="order-resume">
                    {t('orders.resume')}
                  </Button>
                </Link>
                <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="order-void">
                  {t('orders.void')}
                </Button>
              </>
            )}
            {permissions.canRefundOrders && isRefundable(order) && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setRefunding(true)} data-testid="order-refund">
                {t('refund.button')}
              </Button>
            )}
          </Space>
        }
      />
      {refunded && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setRefunded(null) }}
          style={{ marginBottom: 16 }}
          data-testid="refund-result"
          title={t('refund.done', { amount: fmt(refunded.moneyReturned) })}
          description={<RefundFigures refund={refunded} />}
        />
      )}
      {order.status === 'VOID' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('orders.voided', { reason: order.voidReason ?? none })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('pos.lines')}>
            <OrderLinesTable order={order} showRefunded={paid} testId="order-lines" />
            <Flex justify="flex-end" style={{ marginTop: 8 }}>
              <div style={{ minWidth: 260 }}>
                <OrderTotals order={order} />
              </div>
            </Flex>
          </Card>
          {order.refunds.length > 0 && (
            <Card title={t('orders.refunds')} style={{ marginTop: 16 }} data-testid="order-refunds">
              <Table<Refund>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={order.refunds}
                scroll={{ x: 640 }}
                columns={[
                  { title: t('refund.at'), key: 'at', render: (_, r) => formatDateTime(r.refundedAt) },
                  { title: t('refund.by'), key: 'by', render: (_, r) => userName(r.refundedBy) },
                  { title: t('refund.reason'), dataIndex: 'reason', key: 'reason' },
                  { title: t('refund.amount'), key: 'amount', align: 'right', render: (_, r) => fmt(r.amount) },
                  { title: t('refund.moneyReturned'), key: 'returned', align: 'right', render: (_, r) => fmt(r.moneyReturned) },
                  { title: t('refund.pointsReversed'), dataIndex: 'pointsReversed', key: 'points', align: 'right' },
                  {
                    title: t('refund.shortfall'),
                    key: 'shortfall',
                    align: 'right',
                    render: (_, r) => (r.pointsShortfall > 0 ? `${r.pointsShortfall} / ${fmt(r.shortfallAmount)}` : none),
                  },
                ]}
              />
            </Card>
          )}
          {paid && (
            <Card style={{ marginTop: 16 }}>
              <OrderReceipt order={order} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('orders.details')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('orders.customer')}>
                <Link to={`/customers/${order.customerId}`}>{order.customerName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.clinic')}>{clinics.nameOf(order.clinicId)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.consultant')}>{directory.nameOf(order.consultantId) ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('orders.clinician')}>{directory.nameOf(order.clinicianId) ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('receipt.tier')}>{order.tierName ?? t('receipt.noTier')}</Descriptions.Item>
              <Descriptions.Item label={t('receipt.pointsEarned')}>{order.pointsEarned}</Descriptions.Item>
              <Descriptions.Item label={t('orders.qualifyingSpend')}>{fmt(order.qualifyingSpend)}</Descriptions.Item>
              <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(order.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('receipt.paidAt')}>{formatDateTime(order.paidAt)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.note')}>{order.note || none}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('orders.tenders')} style={{ marginTop: 16 }} data-testid="order-tenders">
            {order.tenders.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.notPaid')} />
            ) : (
              <Descriptions column={1} size="small">
                {order.tenders.map((x) => (
                  <Descriptions.Item key={x.tenderNo} label={t(`tenderMethod.${x.method}`)}>
                    {fmt(x.amount)}
                    <StoredValueSplit tender={x} />
                    {x.refunded.amount > 0 && ` (${t('orders.tenderRefunded', { amount: fmt(x.refunded) })})`}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
      {permissions.canRefundOrders && isRefundable(order) && (
        <RefundModal
          order={order}
          open={refunding}
          onClose={() => setRefunding(false)}
          onRefunded={(result) => setRefunded(latestRefund(result) ?? null)}
        />
      )}
      {order.status === 'DRAFT' && <VoidOrderModal order={order} open={voiding} onClose={() => setVoiding(false)} onVoided={() => undefined} />}
    </div>
  );
}

/** What a refund did: money back per tender, earned points taken back, and spent points kept from the money. */
function RefundFigures({ refund }: { refund: Refund }) {
  const { t, locale } = useI18n();
  const fmt = (m: Refund['amount']) => formatMoney(m, locale);
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('refund.amount')}>{fmt(refund.amount)}</Descriptions.Item>
      <Descriptions.Item label={t('refund.moneyReturned')}>
        <span data-testid="refund-result-money">{fmt(refund.moneyReturned)}</span>
        {refund.tenders.length > 0 &&
          ` (${refund.tenders.map((x) => `${t(`tenderMethod.${x.method}`)} ${fmt(x.amount)}${x.points ? ` · ${t('receipt.pointsUsed', { points: x.points })}` : ''}${storedValueSplitText(x, t, locale)}`).join(t('common.listSeparator'))})`}
      </Descriptions.Item>
      <Descriptions.Item label={t('refund.pointsReversed')}>
        <span data-testid="refund-result-points">{refund.pointsReversed}</span>
      </Descriptions.Item>
      {refund.pointsShortfall > 0 && (
        <Descriptions.Item label={t('refund.shortfall')}>
          <span data-testid="refund-result-shortfall">
            {t('refund.shortfallText', { points: refund.pointsShortfall, amount: fmt(refund.shortfallAmount) })}
          </span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
