import { Select } from 'antd';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { useSaleablePacks } from './packQueries';

/** A form control choosing a pack template on sale at the clinic, named with its price. */
export function PackTemplateSelect({
  clinicId,
  testId,
  ...control
}: {
  clinicId: string | undefined;
  testId: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
}) {
  const { locale } = useI18n();
  const templates = useSaleablePacks(clinicId);
  return (
    <Select<string>
      {...control}
      value={control.value ?? undefined}
      allowClear
      loading={templates.isPending && !!clinicId}
      data-testid={testId}
      showSearch={{ optionFilterProp: 'title' }}
      options={(templates.data?.items ?? []).map((p) => ({ value: p.id, title: p.name, label: `${p.name} · ${formatMoney(p.price, locale)}` }))}
    />
  );
}
