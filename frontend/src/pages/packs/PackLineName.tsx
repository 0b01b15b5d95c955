import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { OrderLine } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';

/** Where a customer's packs are shown, one of them opened. */
export function customerPackLink(customerId: string, packId?: string): string {
  return `/customers/${customerId}?tab=packs${packId ? `&pack=${packId}` : ''}`;
}

/** A pack line of an order: the template's name, and once paid, links to the packs it created for her. */
export function PackLineName({ line, customerId }: { line: OrderLine; customerId: string }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <span>{line.itemName}</span>
      <Tag color="purple">{t('packs.packLine')}</Tag>
      {line.packIds.map((packId, i) => (
        <Link key={packId} to={customerPackLink(customerId, packId)} data-testid={`pack-link-${packId}`}>
          {line.packIds.length === 1 ? t('packs.openPack') : t('packs.openPackNumber', { n: i + 1 })}
        </Link>
      ))}
    </Space>
  );
}
