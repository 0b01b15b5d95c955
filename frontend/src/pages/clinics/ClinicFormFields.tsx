import { AutoComplete, Form, Input } from 'antd';
import type { FieldPath } from '../../api/formErrors';
import { TIME_ZONES } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';

export interface ClinicFormValues {
  code?: string;
  name: string;
  address?: string | null;
  phone?: string | null;
  timeZone?: string;
}

export const CLINIC_FIELDS: FieldPath[] = ['code', 'name', 'address', 'phone', 'timeZone'];

/** Fields shared by "add" and "edit"; the code is fixed once created. */
export function ClinicFormFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="code"
        label={t('clinics.form.code')}
        extra={mode === 'create' ? t('clinics.form.codeHint') : undefined}
        rules={
          mode === 'create'
            ? [
                { required: true, message: t('validation.required', { field: t('clinics.form.code') }) },
                { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, message: t('clinics.form.codeInvalid') },
              ]
            : []
        }
      >
        <Input data-testid="clinic-form-code" disabled={mode === 'edit'} maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('clinics.form.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('clinics.form.name') }) },
          { max: 100 },
        ]}
      >
        <Input data-testid="clinic-form-name" maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('clinics.form.address')} rules={[{ max: 300 }]}>
        <Input data-testid="clinic-form-address" maxLength={300} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('clinics.form.phone')}
        rules={[{ pattern: /^[0-9+() -]{3,30}$/, message: t('clinics.form.phoneInvalid') }]}
      >
        <Input data-testid="clinic-form-phone" maxLength={30} />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('clinics.form.timeZone')}
        extra={mode === 'create' ? t('clinics.form.timeZoneHint') : undefined}
        rules={[
          // A clinic always has a time zone: on edit it can be changed, not removed.
          { required: mode === 'edit', whitespace: true, message: t('validation.required', { field: t('clinics.form.timeZone') }) },
          { max: 50 },
        ]}
      >
        <AutoComplete
          data-testid="clinic-form-timezone"
          options={TIME_ZONES.map((z) => ({ value: z }))}
          showSearch={{
            filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()),
          }}
        />
      </Form.Item>
    </>
  );
}
