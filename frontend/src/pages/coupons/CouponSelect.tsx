import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { formatDate } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';
import { couponKeys } from './couponQueries';

/**
 * The customer's usable coupons to apply to a sale, in the order chosen (they apply in that order). The server
 * prices them and says why one cannot apply; applying reserves nothing until the order is paid.
 */
export function CouponSelect({ customerId, value, onChange }: { customerId?: string; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const coupons = useQuery({
    queryKey: [...couponKeys.ofCustomer(customerId ?? ''), 'usable'],
    enabled: !!customerId,
    queryFn: () => dataOf(api.GET('/api/v1/coupons', { params: { query: { customerId, status: 'ISSUED', limit: 200 } } })),
  });
  const chosen = value ?? [];
  // Coupons already on the draft stay nameable even once redeemed elsewhere, so they can be taken off.
  const options = (coupons.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.typeName} · ${formatDate(c.expiresAt)}` }));
  const known = new Set(options.map((o) => o.value));
  return (
    <Select
      mode="multiple"
      allowClear
      value={chosen}
      onChange={onChange}
      disabled={!customerId}
      loading={coupons.isFetching}
      placeholder={t('pos.couponsPlaceholder')}
      data-testid="pos-coupons"
      options={[...options, ...chosen.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id }))]}
    />
  );
}
