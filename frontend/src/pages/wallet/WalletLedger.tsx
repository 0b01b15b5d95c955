import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { PAGE_SIZE, useCursorList, type Money } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { useMyClinics } from '../visits/useClinics';
import { formatSigned } from './walletFigures';
import { walletKeys, type StoredValueEntry } from './walletQueries';

const KIND_COLORS: Record<StoredValueEntry['kind'], string> = {
  TOP_UP: 'green',
  OPENING: 'green',
  DEBIT: 'blue',
  REVERSAL: 'cyan',
  REFUND: 'red',
  EXPIRE: 'orange',
  REACTIVATE: 'gold',
  TRANSFER_OUT: 'purple',
  TRANSFER_IN: 'purple',
  ADJUST: 'default',
  REWARD: 'magenta',
};

function Signed({ money }: { money: Money }) {
  const { locale } = useI18n();
  return <Typography.Text type={money.amount < 0 ? 'danger' : money.amount > 0 ? 'success' : undefined}>{formatSigned(money, locale)}</Typography.Text>;
}

/** What an entry was about: its order, the refund's figures, how money came in or went back, reason and note. */
function EntryAbout({ entry: e }: { entry: StoredValueEntry }) {
  const { t, locale } = useI18n();
  const fmt = (m: Money) => formatMoney(m, locale);
  return (
    <Flex vertical gap={2}>
      {e.orderId && <Link to={`/orders/${e.orderId}`}>{t('wallet.ledger.order')}</Link>}
      {e.refundAmount && (
        <span data-testid={`wallet-entry-refund-${e.id}`}>
          {t('wallet.ledger.refunded', { refund: fmt(e.refundAmount), forfeited: fmt(e.forfeitedBonus ?? { amount: 0, currency: e.refundAmount.currency }) })}
        </span>
      )}
      {e.tenders.length > 0 && (
        <Typography.Text type="secondary">
          {e.tenders.map((x) => `${t(`tenderMethod.${x.method}`)} ${fmt(x.amount)}${x.reference ? ` · ${x.reference}` : ''}`).join(t('common.listSeparator'))}
        </Typography.Text>
      )}
      {e.reason && <span>{e.reason}</span>}
      {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
      {e.reference && <Typography.Text type="secondary">{e.reference}</Typography.Text>}
      {e.reversedBy && <Tag>{t('wallet.ledger.reversed')}</Tag>}
    </Flex>
  );
}

/** The account's ledger, newest first, each entry with its principal and bonus parts and the balance after it. */
export function WalletLedger({ accountId }: { accountId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const clinics = useMyClinics();
  const ledger = useCursorList<StoredValueEntry>(walletKeys.entries(accountId), (cursor) =>
    dataOf(api.GET('/api/v1/stored-value/accounts/{accountId}/entries', { params: { path: { accountId }, query: { limit: PAGE_SIZE, cursor } } })),
  );
  const columns: ColumnsType<StoredValueEntry> = [
    { title: t('wallet.ledger.when'), key: 'when', width: 140, render: (_, e) => formatDateTime(e.occurredAt) },
    { title: t('wallet.ledger.kind'), key: 'kind', width: 100, render: (_, e) => <Tag color={KIND_COLORS[e.kind]}>{t(`svEntryKind.${e.kind}`)}</Tag> },
    { title: t('wallet.principal'), key: 'principal', align: 'right', render: (_, e) => <Signed money={e.principal} /> },
    { title: t('wallet.bonus'), key: 'bonus', align: 'right', render: (_, e) => <Signed money={e.bonus} /> },
    { title: t('wallet.ledger.amount'), key: 'amount', align: 'right', render: (_, e) => <Signed money={e.amount} /> },
    {
      title: t('wallet.ledger.balanceAfter'),
      key: 'after',
      align: 'right',
      render: (_, e) => (
        <Flex vertical align="end" data-testid={`wallet-entry-after-${e.id}`}>
          <Typography.Text strong>{formatMoney(e.balanceAfter, locale)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('wallet.ledger.split', { principal: formatMoney(e.principalAfter, locale), bonus: formatMoney(e.bonusAfter, locale) })}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('orders.clinic'), key: 'clinic', render: (_, e) => (e.clinicId ? clinics.nameOf(e.clinicId) : t('common.none')) },
    { title: t('wallet.ledger.about'), key: 'about', render: (_, e) => <EntryAbout entry={e} /> },
    { title: t('wallet.ledger.by'), key: 'by', render: (_, e) => e.actorName ?? t('points.system') },
  ];
  return <CursorTable testId="wallet-ledger" list={ledger} columns={columns} emptyText={t('wallet.ledger.empty')} scrollX={1100} />;
}
