import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { FieldPath } from '../../api/formErrors';
import { minorDigits, toMinorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { ITEM_CATEGORIES, type ItemCategory } from './catalogFields';
import { ClinicChoiceFields, CodeField, type RecordFieldsProps } from './ChainRecordFields';

export interface CatalogFormValues {
  code?: string;
  name: string;
  category: ItemCategory;
  /** The list price in major units as typed (yuan), sent in minor units. */
  listPrice: { amount: string };
  durationMinutes: number;
  entryLevel: boolean;
  allClinics: boolean;
  clinicIds?: string[];
}

export const CATALOG_FIELDS: FieldPath[] = [
  'code',
  'name',
  'category',
  ['listPrice', 'amount'],
  'durationMinutes',
  'entryLevel',
  'allClinics',
  'clinicIds',
];

/** Fields of "add" and "edit"; the code is fixed once created. */
export function CatalogFormFields({ mode, currency, clinics, clinicsLoading }: RecordFieldsProps) {
  const { t } = useI18n();
  const digits = minorDigits(currency);

  return (
    <Row gutter={16}>
      <Col xs={24} sm={10}>
        <CodeField mode={mode} label={t('catalog.form.code')} testId="catalog-form-code" />
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item
          name="name"
          label={t('catalog.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('catalog.form.name') }) },
            { max: 100 },
          ]}
        >
          <Input data-testid="catalog-form-name" maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={10}>
        <Form.Item
          name="category"
          label={t('catalog.form.category')}
          rules={[{ required: true, message: t('validation.required', { field: t('catalog.form.category') }) }]}
        >
          <Select<ItemCategory>
            data-testid="catalog-form-category"
            options={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`itemCategory.${c}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={7}>
        <Form.Item
          name={['listPrice', 'amount']}
          label={t('catalog.form.price', { currency })}
          rules={[
            { required: true, message: t('validation.required', { field: t('catalog.form.priceLabel') }) },
            {
              validator: async (_, value?: string | null) => {
                // The API's limit: 100,000,000,000 minor units.
                const minor = value == null || value === '' ? 0 : toMinorUnits(value, currency);
                if (minor === undefined || minor > 100_000_000_000) throw new Error(t('catalog.form.priceInvalid'));
              },
            },
          ]}
        >
          <InputNumber<string>
            stringMode
            min="0"
            precision={digits}
            step={digits > 0 ? '100' : '1'}
            style={{ width: '100%' }}
            data-testid="catalog-form-price"
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={7}>
        <Form.Item
          name="durationMinutes"
          label={t('catalog.form.duration')}
          rules={[
            { required: true, message: t('validation.required', { field: t('catalog.form.duration') }) },
            { type: 'integer', min: 5, max: 1440, message: t('catalog.form.durationInvalid') },
          ]}
        >
          <InputNumber<number> min={5} max={1440} precision={0} step={5} style={{ width: '100%' }} data-testid="catalog-form-duration" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="entryLevel" label={t('catalog.form.entryLevel')} valuePropName="checked" extra={t('catalog.form.entryLevelHint')}>
          <Switch data-testid="catalog-form-entry-level" />
        </Form.Item>
      </Col>
      <ClinicChoiceFields
        clinics={clinics}
        clinicsLoading={clinicsLoading}
        testIdPrefix="catalog-form"
        allLabel={t('catalog.form.allClinics')}
        listLabel={t('catalog.form.clinics')}
        listRequired={t('catalog.form.clinicsRequired')}
      />
    </Row>
  );
}
