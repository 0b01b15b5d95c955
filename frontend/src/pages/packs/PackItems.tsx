import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import type { SessionPack, SessionPackItem } from './packQueries';

/**
 * A pack's items as the server figures them: sessions left of those bought, the interval and when the next is
 * due, what was paid for each and its unused value. For a refund (`refund`): sessions used, and the totals
 * underneath, the unused value being what the refund returns.
 */
export function PackItems({ pack, refund = false }: { pack: SessionPack; refund?: boolean }) {
  const { t, locale } = useI18n();
  const money = (m: SessionPackItem['paidValue']) => formatMoney(m, locale);
  const columns: ColumnsType<SessionPackItem> = [
    { title: t('packs.item'), dataIndex: 'itemName', key: 'item' },
    refund
      ? { title: t('packs.used'), key: 'used', align: 'right', render: (_, i) => `${i.sessions - i.remaining} / ${i.sessions}` }
      : {
          title: t('packs.remaining'),
          key: 'remaining',
          align: 'right',
          render: (_, i) => <span data-testid={`pack-item-remaining-${pack.id}-${i.itemId}`}>{`${i.remaining} / ${i.sessions}`}</span>,
        },
    ...(refund
      ? []
      : ([
          { title: t('packs.minInterval'), key: 'interval', render: (_, i) => (i.minIntervalDays ? t('packs.days', { days: i.minIntervalDays }) : t('common.none')) },
          { title: t('packs.lastRedeemed'), key: 'last', render: (_, i) => formatDateTime(i.lastRedeemedAt) },
          { title: t('packs.nextDue'), key: 'due', render: (_, i) => formatDateTime(i.nextDueAt) },
        ] satisfies ColumnsType<SessionPackItem>)),
    { title: t('packs.paidValue'), key: 'paid', align: 'right', render: (_, i) => money(i.paidValue) },
    {
      title: t('packs.unusedValue'),
      key: 'unused',
      align: 'right',
      render: (_, i) => <span data-testid={`unused-${pack.id}-${i.itemId}`}>{money(i.unusedValue)}</span>,
    },
  ];
  return (
    <Table<SessionPackItem>
      rowKey="itemId"
      size="small"
      pagination={false}
      dataSource={pack.items}
      columns={columns}
      summary={
        refund
          ? () => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t('packs.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <span data-testid="refund-paid-total">{money(pack.paidValue)}</span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <strong data-testid="refund-total">{money(pack.unusedValue)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          : undefined
      }
    />
  );
}
