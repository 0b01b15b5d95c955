import { Col, Form, Input, Select, Switch } from 'antd';
import type { Clinic } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';

/** What the fields of a chain's priced record (a catalog item, a pack template) are given. */
export interface RecordFieldsProps {
  mode: 'create' | 'edit';
  currency: string;
  clinics: Clinic[];
  clinicsLoading: boolean;
}

/** The record's code: letters, digits and hyphens, unique in the chain, fixed once created. */
export function CodeField({ mode, label, testId }: { mode: RecordFieldsProps['mode']; label: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="code"
      label={label}
      extra={mode === 'create' ? t('catalog.form.codeHint') : undefined}
      rules={
        mode === 'create'
          ? [
              { required: true, message: t('validation.required', { field: label }) },
              { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/, message: t('catalog.form.codeInvalid') },
            ]
          : []
      }
    >
      <Input data-testid={testId} disabled={mode === 'edit'} maxLength={30} autoComplete="off" />
    </Form.Item>
  );
}

/** The form's choice of clinics as the API wants it: a list only when not every clinic. */
export function clinicChoice(v: { allClinics: boolean; clinicIds?: string[] }) {
  return { allClinics: v.allClinics, clinicIds: v.allClinics ? [] : (v.clinicIds ?? []) };
}

/** "Every clinic" or a list of them (`allClinics`, `clinicIds`): where an item is offered, a pack is sold. */
export function ClinicChoiceFields({
  clinics,
  clinicsLoading,
  testIdPrefix,
  allLabel,
  listLabel,
  listRequired,
}: {
  clinics: Clinic[];
  clinicsLoading: boolean;
  /** `-all-clinics` and `-clinics` are appended. */
  testIdPrefix: string;
  allLabel: string;
  listLabel: string;
  listRequired: string;
}) {
  const allClinics = Form.useWatch('allClinics', Form.useFormInstance<{ allClinics: boolean }>());
  return (
    <>
      <Col xs={24} sm={8}>
        <Form.Item name="allClinics" label={allLabel} valuePropName="checked">
          <Switch data-testid={`${testIdPrefix}-all-clinics`} />
        </Form.Item>
      </Col>
      {!allClinics && (
        <Col xs={24} sm={16}>
          <Form.Item name="clinicIds" label={listLabel} rules={[{ required: true, type: 'array', min: 1, message: listRequired }]}>
            <Select<string[]>
              mode="multiple"
              loading={clinicsLoading}
              data-testid={`${testIdPrefix}-clinics`}
              showSearch={{ optionFilterProp: 'label' }}
              options={clinics.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
            />
          </Form.Item>
        </Col>
      )}
    </>
  );
}
