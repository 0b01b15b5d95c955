import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import type { CustomerStatus } from './customerFields';

const COLORS: Record<CustomerStatus, string> = {
  LEAD: 'blue',
  VISITED_NOT_CONVERTED: 'orange',
  ACTIVE: 'green',
  AT_RISK: 'gold',
  CHURNED: 'red',
};

/** The lifecycle status the server derives, as a coloured tag; hovering says what it means. */
export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t(`customerStatus.hint.${status}`)}>
      <Tag color={COLORS[status]} data-testid="customer-status" style={{ marginInlineEnd: 0 }}>
        {t(`customerStatus.${status}`)}
      </Tag>
    </Tooltip>
  );
}
