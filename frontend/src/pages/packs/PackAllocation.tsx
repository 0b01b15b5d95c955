import { Table, Typography } from 'antd';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import type { PackTemplate, PackTemplateItem } from './packQueries';

/**
 * How the server split a template's price over its items: each item's standalone price (list price × sessions),
 * its allocated part of the price (by those standalone prices; the parts add up to the price) and the price of
 * one session; the totals underneath.
 */
export function PackAllocation({ template }: { template: PackTemplate }) {
  const { t, locale } = useI18n();
  const money = (m: PackTemplateItem['allocatedPrice']) => formatMoney(m, locale);
  return (
    <Table<PackTemplateItem>
      rowKey="itemId"
      size="small"
      pagination={false}
      dataSource={template.items}
      data-testid={`allocation-${template.code}`}
      columns={[
        { title: t('packs.item'), dataIndex: 'itemName', key: 'item' },
        { title: t('packs.sessions'), dataIndex: 'sessions', key: 'sessions', align: 'right', width: 80 },
        {
          title: t('packs.minInterval'),
          key: 'interval',
          align: 'right',
          render: (_, i) => (i.minIntervalDays ? t('packs.days', { days: i.minIntervalDays }) : t('common.none')),
        },
        { title: t('packs.standalonePrice'), key: 'standalone', align: 'right', render: (_, i) => money(i.standalonePrice) },
        {
          title: t('packs.allocatedPrice'),
          key: 'allocated',
          align: 'right',
          render: (_, i) => (
            <Typography.Text strong data-testid={`allocated-${i.itemId}`}>
              {money(i.allocatedPrice)}
            </Typography.Text>
          ),
        },
        { title: t('packs.sessionPrice'), key: 'session', align: 'right', render: (_, i) => money(i.sessionPrice) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <strong>{t('packs.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <span data-testid={`standalone-total-${template.code}`}>{money(template.standalonePrice)}</span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <strong data-testid={`price-total-${template.code}`}>{money(template.price)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} />
        </Table.Summary.Row>
      )}
    />
  );
}
