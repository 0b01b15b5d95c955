import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, type Customer } from '../../api/queries';
import { errorText } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useI18n } from '../../i18n/I18nProvider';
import { tooFewDigits } from './customerFields';

/**
 * Chooses an existing customer (a referrer) by searching as one types: name, pinyin initials or at
 * least 4 digits of the phone. A form control: `value` is the customer's id.
 */
export function CustomerPicker({
  value,
  onChange,
  exclude,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The customer being edited: she cannot be her own referrer. */
  exclude?: string;
  testId: string;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Customer | null>(null);
  const typed = search.trim();
  const q = useDebouncedValue(typed, 300);
  const hits = useQuery({
    queryKey: [...keys.customers, 'picker', q],
    enabled: q !== '' && !tooFewDigits(q),
    queryFn: () => dataOf(api.GET('/api/v1/customers', { params: { query: { q, limit: 20 } } })),
  });
  const found = (hits.data?.items ?? []).filter((c) => c.id !== exclude);
  const shown = chosen && !found.some((c) => c.id === chosen.id) ? [chosen, ...found] : found;

  const notFound =
    typed === ''
      ? t('customers.picker.hint')
      : tooFewDigits(typed)
        ? t('customers.search.tooFewDigits')
        : typed !== q || hits.isFetching
          ? <Spin size="small" />
          : hits.isError
            ? errorText(hits.error, t)
            : t('customers.picker.none');

  return (
    <Select<string>
      value={value}
      allowClear
      placeholder={t('customers.picker.placeholder')}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={notFound}
      options={shown.map((c) => ({ value: c.id, label: `${c.name} · ${c.phone}` }))}
      onChange={(id) => {
        setChosen(shown.find((c) => c.id === id) ?? null);
        onChange?.(id);
      }}
    />
  );
}
