import { LockOutlined } from '@ant-design/icons';
import { Space, Tooltip } from 'antd';
import type { Customer } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';

/** A customer's phone as served: masked (138****5678) for roles without contact permission, with a lock saying so. */
export function CustomerPhone({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <span data-testid="customer-phone" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {customer.phone}
      </span>
      {customer.phoneMasked && (
        <Tooltip title={t('customers.phoneMasked')}>
          <LockOutlined aria-label={t('customers.phoneMasked')} style={{ color: 'rgba(0,0,0,.45)' }} />
        </Tooltip>
      )}
    </Space>
  );
}
