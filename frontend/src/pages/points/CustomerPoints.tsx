import { Alert, Card, Col, Empty, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type PointsAccount, type PointsEntry } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { PointsActions } from './PointsActions';
import { usePointsAccount } from './pointsQueries';

type Lot = PointsAccount['lots'][number];

/** Whether a lot runs out within the chain's reminder window (so it is worth telling her). */
export function expiresSoon(lot: Pick<Lot, 'expiresAt'>, withinDays: number, now = dayjs()): boolean {
  return dayjs(lot.expiresAt).isBefore(now.add(withinDays, 'day'));
}

/** Her points: adjust and redeem (by role), balance and its worth, what expires soon, live lots with their expiry, and the ledger. */
export function CustomerPoints({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const account = usePointsAccount(customerId);
  const ledger = useCursorList<PointsEntry>([...keys.points, 'entries', customerId], (cursor) =>
    dataOf(api.GET('/api/v1/points/accounts/{customerId}/entries', { params: { path: { customerId }, query: { limit: PAGE_SIZE, cursor } } })),
  );
  const entryColumns: ColumnsType<PointsEntry> = [
    { title: t('points.when'), key: 'when', render: (_, e) => formatDateTime(e.occurredAt) },
    { title: t('points.kind'), key: 'kind', render: (_, e) => t(`pointsKind.${e.kind}`) },
    {
      title: t('points.points'),
      key: 'points',
      align: 'right',
      render: (_, e) => (
        <Typography.Text type={e.points < 0 ? 'danger' : 'success'}>{e.points > 0 ? `+${e.points}` : e.points}</Typography.Text>
      ),
    },
    { title: t('points.balanceAfter'), dataIndex: 'balanceAfter', key: 'balance', align: 'right' },
    {
      title: t('points.about'),
      key: 'about',
      render: (_, e) => (
        <>
          {e.orderId && <Link to={`/orders/${e.orderId}`}>{t('points.order')}</Link>} {e.giftDescription ?? ''} {e.reason ?? ''}
        </>
      ),
    },
    { title: t('points.by'), key: 'by', render: (_, e) => e.actorName ?? t('points.system') },
  ];

  return (
    <Card title={t('points.title')} data-testid="customer-points" extra={<PointsActions customerId={customerId} balance={account.data?.balance} />}>
      {account.isPending ? (
        <Spin>
          <div style={{ height: 120 }} />
        </Spin>
      ) : account.isError ? (
        <ErrorAlert error={account.error} onRetry={() => account.refetch()} testId="points-error" />
      ) : (
        <AccountView account={account.data} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('points.ledger')}
      </Typography.Title>
      <CursorTable testId="points-ledger" list={ledger} columns={entryColumns} emptyText={t('points.noEntries')} scrollX={720} />
    </Card>
  );

}

function AccountView({ account: a }: { account: PointsAccount }) {
  const { t, locale } = useI18n();
  const soon = a.expiringSoon;
  return (
    <>
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Statistic title={t('points.balance')} value={a.balance} data-testid="points-balance" />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('points.value')} value={formatMoney(a.value, locale)} data-testid="points-value" />
        </Col>
      </Row>
      {soon.points > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="points-expiring"
          title={t('points.expiringSoon', { points: soon.points, days: soon.withinDays, date: formatDate(soon.earliestExpiry) })}
        />
      )}
      <Table<Lot>
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={a.lots}
        data-testid="points-lots"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.noLots')} /> }}
        columns={[
          { title: t('points.earnedAt'), key: 'earned', render: (_, l) => formatDate(l.earnedAt) },
          { title: t('points.source'), key: 'source', render: (_, l) => t(`pointsSource.${l.source}`) },
          { title: t('points.points'), dataIndex: 'points', key: 'points', align: 'right' },
          { title: t('points.remaining'), dataIndex: 'remaining', key: 'remaining', align: 'right' },
          {
            title: t('points.expiresAt'),
            key: 'expires',
            render: (_, l) =>
              expiresSoon(l, soon.withinDays) ? (
                <Tag color="red" data-testid={`lot-expiring-${l.id}`}>
                  {formatDate(l.expiresAt)} · {t('points.soon')}
                </Tag>
              ) : (
                formatDate(l.expiresAt)
              ),
          },
        ]}
      />
    </>
  );
}
