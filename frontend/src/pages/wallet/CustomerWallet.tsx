import { Alert, Card, Col, Descriptions, Empty, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { formatDateTimeIn } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { useMyClinics } from '../visits/useClinics';
import { LotLabel } from './LotLabel';
import { WalletActions } from './WalletActions';
import { WalletLedger } from './WalletLedger';
import { expiredValue } from './walletFigures';
import { useCustomerAccount, type StoredValueAccount, type StoredValueLot } from './walletQueries';

const ACCOUNT_STATUS_COLORS: Record<StoredValueAccount['status'], string> = { ACTIVE: 'green', FROZEN: 'blue', CLOSED: 'default' };
const LOT_STATUS_COLORS: Record<StoredValueLot['status'], string> = { LIVE: 'green', EXPIRED: 'orange', CLOSED: 'default' };

/**
 * Her stored-value card (储值卡): status and balances (principal, bonus, total, expired), the lots oldest first
 * (the order debits take them in), the ledger with the balance after each entry, and the actions her roles allow.
 */
export function CustomerWallet({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const account = useCustomerAccount(customerId);
  return (
    <Card
      title={t('wallet.title')}
      data-testid="customer-wallet"
      extra={account.isSuccess && <WalletActions customerId={customerId} account={account.data} />}
    >
      {account.isPending ? (
        <Spin>
          <div style={{ height: 120 }} />
        </Spin>
      ) : account.isError ? (
        <ErrorAlert error={account.error} onRetry={() => account.refetch()} testId="wallet-error" />
      ) : account.data === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wallet.noAccount')} data-testid="wallet-none" />
      ) : (
        <>
          <AccountSummary account={account.data} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('wallet.lots')}
          </Typography.Title>
          <LotsTable account={account.data} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('wallet.ledger')}
          </Typography.Title>
          <WalletLedger accountId={account.data.id} />
        </>
      )}
    </Card>
  );
}

function AccountSummary({ account: a }: { account: StoredValueAccount }) {
  const { t, locale } = useI18n();
  const fmt = (m: StoredValueAccount['balance']) => formatMoney(m, locale);
  const soon = a.expiringSoon;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('common.status')}>
          <Tag color={ACCOUNT_STATUS_COLORS[a.status]} data-testid="wallet-status">
            {t(`svAccountStatus.${a.status}`)}
          </Tag>
          {a.status === 'FROZEN' && a.frozenReason && <Typography.Text type="secondary">{a.frozenReason}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('wallet.openedAt')}>{formatDateTime(a.openedAt)}</Descriptions.Item>
        {a.closedAt && <Descriptions.Item label={t('wallet.closedAt')}>{formatDateTime(a.closedAt)}</Descriptions.Item>}
      </Descriptions>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('wallet.balance')} value={fmt(a.balance)} data-testid="wallet-balance" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('wallet.principal')} value={fmt(a.principal)} data-testid="wallet-principal" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('wallet.bonus')} value={fmt(a.bonus)} data-testid="wallet-bonus" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('wallet.expired')} value={fmt(expiredValue(a))} data-testid="wallet-expired" />
        </Col>
      </Row>
      {soon.amount.amount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="wallet-expiring"
          title={t('wallet.expiringSoon', { amount: fmt(soon.amount), days: soon.withinDays, date: formatDateTime(soon.earliestExpiry) })}
        />
      )}
    </>
  );
}

function LotsTable({ account }: { account: StoredValueAccount }) {
  const { t, locale } = useI18n();
  const { me } = useMe();
  const clinics = useMyClinics();
  const zone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const fmt = (m: StoredValueLot['principal']) => formatMoney(m, locale);
  const reminderEnd = dayjs().add(account.expiringSoon.withinDays, 'day');
  const columns: ColumnsType<StoredValueLot> = [
    {
      title: t('wallet.plan'),
      key: 'plan',
      render: (_, l) => <LotLabel lot={l} />,
    },
    { title: t('wallet.quote.paid'), key: 'paid', align: 'right', render: (_, l) => fmt(l.principal) },
    { title: t('wallet.quote.bonus'), key: 'bonus', align: 'right', render: (_, l) => fmt(l.bonus) },
    { title: t('wallet.quote.consumed'), key: 'consumed', align: 'right', render: (_, l) => fmt(l.consumed) },
    { title: t('wallet.principalRemaining'), key: 'principalRemaining', align: 'right', render: (_, l) => <span data-testid={`wallet-lot-principal-${l.id}`}>{fmt(l.principalRemaining)}</span> },
    { title: t('wallet.bonusRemaining'), key: 'bonusRemaining', align: 'right', render: (_, l) => <span data-testid={`wallet-lot-bonus-${l.id}`}>{fmt(l.bonusRemaining)}</span> },
    {
      title: t('wallet.expired'),
      key: 'expired',
      align: 'right',
      render: (_, l) => (expiredValue(l).amount > 0 ? fmt(expiredValue(l)) : t('common.none')),
    },
    {
      title: t('wallet.expiresAt'),
      key: 'expires',
      render: (_, l) =>
        !l.expiresAt ? (
          t('wallet.neverExpires')
        ) : l.status === 'LIVE' && dayjs(l.expiresAt).isBefore(reminderEnd) ? (
          <Tag color="red">{formatDateTimeIn(l.expiresAt, zone)}</Tag>
        ) : (
          formatDateTimeIn(l.expiresAt, zone)
        ),
    },
    {
      title: t('orders.clinic'),
      key: 'clinic',
      render: (_, l) => (
        <>
          <div>{l.soldAtClinicId ? clinics.nameOf(l.soldAtClinicId) : t('common.none')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.allClinics ? t('wallet.spendEverywhere') : t('wallet.spendAt', { clinics: l.clinicIds.map(clinics.nameOf).join(t('common.listSeparator')) })}
          </Typography.Text>
        </>
      ),
    },
    { title: t('common.status'), key: 'status', render: (_, l) => <Tag color={LOT_STATUS_COLORS[l.status]}>{t(`svLotStatus.${l.status}`)}</Tag> },
  ];
  return (
    <Table<StoredValueLot>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={account.lots}
      columns={columns}
      scroll={{ x: 1100 }}
      data-testid="wallet-lots"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wallet.noLots')} /> }}
    />
  );
}
