import { Col, DatePicker, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { FieldPath } from '../../api/formErrors';
import { formatMoney, toMinorUnits } from '../../components/money';
import { MoneyInput } from '../../components/MoneyInput';
import { useI18n } from '../../i18n/I18nProvider';
import { ClinicChoiceFields, CodeField, type RecordFieldsProps } from '../catalog/ChainRecordFields';

export interface PlanFormValues {
  code?: string;
  name?: string;
  description?: string;
  /** Major units as typed (yuan), sent in minor units. */
  price?: string | null;
  value?: string | null;
  validityDays?: number | null;
  allClinics?: boolean;
  clinicIds?: string[];
  availableFrom?: Dayjs | null;
  availableUntil?: Dayjs | null;
  active?: boolean;
}

export const PLAN_FIELDS: FieldPath[] = ['code', 'name', 'description', 'price', 'value', 'validityDays', 'allClinics', 'clinicIds', 'availableFrom', 'availableUntil', 'active'];

/** The API's limit on an amount: 100,000,000,000 minor units. */
const MAX_MINOR = 100_000_000_000;

/**
 * Fields of "new plan" and "edit plan": pay `price`, get `value` (the bonus is shown as it comes out), validity,
 * where it is sold and spent, and when it can be bought. The code is fixed once created.
 */
export function PlanFormFields({ mode, currency, clinics, clinicsLoading }: RecordFieldsProps) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance<PlanFormValues>();
  const price = toMinorUnits(Form.useWatch('price', form) ?? '', currency);
  const value = toMinorUnits(Form.useWatch('value', form) ?? '', currency);
  const required = (field: string) => ({ required: true, message: t('validation.required', { field }) });
  const amountAbove = (min: () => number, message: string) => ({
    validator: async (_: unknown, v?: string | null) => {
      const minor = toMinorUnits(v ?? '', currency);
      if (minor === undefined || minor < min() || minor > MAX_MINOR) throw new Error(message);
    },
  });

  return (
    <Row gutter={16}>
      <Col xs={24} sm={10}>
        <CodeField mode={mode} label={t('svPlans.form.code')} testId="sv-plan-code" />
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name="name" label={t('svPlans.form.name')} rules={[{ ...required(t('svPlans.form.name')), whitespace: true }]}>
          <Input data-testid="sv-plan-name" maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name="price" label={t('svPlans.form.price', { currency })} rules={[required(t('svPlans.form.priceLabel')), amountAbove(() => 1, t('svPlans.form.priceInvalid'))]}>
          <MoneyInput currency={currency} testId="sv-plan-price" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item
          name="value"
          label={t('svPlans.form.value', { currency })}
          dependencies={['price']}
          rules={[required(t('svPlans.form.valueLabel')), amountAbove(() => price ?? 0, t('svPlans.form.valueInvalid'))]}
        >
          <MoneyInput currency={currency} testId="sv-plan-value" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item label=" ">
          <Typography.Text type="secondary" data-testid="sv-plan-bonus">
            {price !== undefined && value !== undefined && value >= price ? t('svPlans.form.bonus', { bonus: formatMoney({ amount: value - price, currency }, locale) }) : ''}
          </Typography.Text>
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="validityDays" label={t('svPlans.form.validityDays')} extra={t('svPlans.form.validityHint')}>
          <InputNumber<number> min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid="sv-plan-validity" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name="availableFrom" label={t('svPlans.form.availableFrom')}>
          <DatePicker style={{ width: '100%' }} data-testid="sv-plan-from" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item
          name="availableUntil"
          label={t('svPlans.form.availableUntil')}
          dependencies={['availableFrom']}
          rules={[
            {
              validator: async (_, until?: Dayjs | null) => {
                const from = form.getFieldValue('availableFrom') as Dayjs | null | undefined;
                if (from && until && until.isBefore(from, 'day')) throw new Error(t('svPlans.form.windowInvalid'));
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="sv-plan-until" />
        </Form.Item>
      </Col>
      <ClinicChoiceFields
        clinics={clinics}
        clinicsLoading={clinicsLoading}
        testIdPrefix="sv-plan"
        allLabel={t('svPlans.form.allClinics')}
        listLabel={t('svPlans.form.clinics')}
        listRequired={t('svPlans.form.clinicsRequired')}
      />
      {mode === 'edit' && (
        <Col xs={24} sm={8}>
          <Form.Item name="active" label={t('svPlans.form.active')} valuePropName="checked">
            <Switch data-testid="sv-plan-active" />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name="description" label={t('svPlans.form.description')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="sv-plan-description" />
        </Form.Item>
      </Col>
      {mode === 'edit' && (
        <Col span={24}>
          <Typography.Text type="secondary">{t('svPlans.form.soldTermsKept')}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
