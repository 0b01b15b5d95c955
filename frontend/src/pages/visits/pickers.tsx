import { Select } from 'antd';
import type { CSSProperties } from 'react';
import type { Colleague } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useStaffDirectory, worksAt } from '../customers/useStaffDirectory';
import { useMyClinics } from './useClinics';
import { useClinicItems } from './visitFields';

/** A form control choosing one of the caller's open clinics. */
export function ClinicSelect({
  testId,
  value,
  onChange,
  disabled,
  style,
}: {
  testId: string;
  value?: string;
  onChange?: (id: string) => void;
  disabled?: boolean;
  style?: CSSProperties;
}) {
  const clinics = useMyClinics();
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      disabled={disabled}
      style={style}
      loading={clinics.query.isPending}
      data-testid={testId}
      showSearch={{ optionFilterProp: 'label' }}
      options={clinics.open.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

/** Colleagues who may work at the clinic, "name (roles)"; service staff (clinicians, consultants) first. */
export function useColleaguesAt(clinicId: string | undefined) {
  const { t } = useI18n();
  const directory = useStaffDirectory();
  const here = clinicId ? directory.colleagues.filter((c) => worksAt(c, clinicId)) : [];
  const serves = (c: Colleague) => c.roles.includes('clinician') || c.roles.includes('consultant');
  const ordered = [...here.filter(serves), ...here.filter((c) => !serves(c))];
  return {
    loading: directory.loading,
    colleagues: ordered,
    serving: here.filter(serves),
    options: ordered.map((c) => ({
      value: c.id,
      label: `${c.displayName}（${c.roles.map((r) => t(`role.${r}` as MessageKey)).join(t('common.listSeparator'))}）`,
    })),
    nameOf: directory.nameOf,
  };
}

/** A form control choosing colleagues at a clinic: one (`mode` unset) or several. */
export function ColleagueSelect({
  clinicId,
  testId,
  multiple = false,
  only,
  keep = [],
  ...control
}: {
  clinicId: string | undefined;
  testId: string;
  multiple?: boolean;
  /** Limit the choice to colleagues with this role. */
  only?: Colleague['roles'][number];
  /** Who is chosen now, shown by name even when no longer among the choices (left, or another role). */
  keep?: { value: string; label: string }[];
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  placeholder?: string;
}) {
  const colleagues = useColleaguesAt(clinicId);
  const choices = only
    ? colleagues.options.filter((o) => colleagues.colleagues.find((c) => c.id === o.value)?.roles.includes(only))
    : colleagues.options;
  const options = [...keep.filter((k) => !choices.some((o) => o.value === k.value)), ...choices];
  return (
    <Select<string | string[]>
      {...control}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      loading={colleagues.loading}
      data-testid={testId}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
    />
  );
}

/**
 * A form control choosing catalog items offered at the clinic: one, or several (suggestions). `known` names
 * items already chosen that are no longer offered (an old suggestion), so they show by name, not by id.
 */
export function ItemSelect({
  clinicId,
  testId,
  multiple = false,
  known = [],
  ...control
}: {
  clinicId: string | undefined;
  testId: string;
  multiple?: boolean;
  known?: { itemId: string; name: string }[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  placeholder?: string;
  maxCount?: number;
}) {
  const { t } = useI18n();
  const items = useClinicItems(clinicId);
  const offered = (items.data?.items ?? []).map((i) => ({
    value: i.id,
    label: i.name,
    title: i.name,
  }));
  const missing = known
    .filter((k) => !offered.some((o) => o.value === k.itemId))
    .map((k) => ({ value: k.itemId, label: `${k.name}（${t('visits.itemNotOffered')}）`, title: k.name }));
  return (
    <Select<string | string[]>
      {...control}
      value={control.value ?? undefined}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      loading={items.isPending && !!clinicId}
      data-testid={testId}
      showSearch={{ optionFilterProp: 'label' }}
      options={[...missing, ...offered]}
    />
  );
}
