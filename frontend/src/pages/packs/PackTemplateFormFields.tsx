import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { FieldPath } from '../../api/formErrors';
import { formatMoney, toMinorUnits } from '../../components/money';
import { MoneyInput } from '../../components/MoneyInput';
import { useI18n } from '../../i18n/I18nProvider';
import { ClinicChoiceFields, CodeField, type RecordFieldsProps } from '../catalog/ChainRecordFields';
import { useActiveCatalogItems } from './packQueries';

export interface TemplateItemValues {
  itemId?: string;
  sessions?: number | null;
  minIntervalDays?: number | null;
}

export interface TemplateFormValues {
  code?: string;
  name: string;
  description?: string | null;
  items: TemplateItemValues[];
  /** In major units as typed (yuan), sent in minor units. */
  price: { amount: string };
  validityDays: number;
  allClinics: boolean;
  clinicIds?: string[];
}

const MAX_ITEMS = 10;
export const NEW_TEMPLATE_ITEM: TemplateItemValues = { sessions: 1 };

/** The form's fields, with each item's, for the server's `errors[].field` (`items[1].sessions`). */
export function templateFields(items: number): FieldPath[] {
  const perItem = Array.from({ length: items }, (_, i) => ['itemId', 'sessions', 'minIntervalDays'].map((f): FieldPath => ['items', i, f])).flat();
  return ['code', 'name', 'description', 'items', ...perItem, ['price', 'amount'], 'validityDays', 'allClinics', 'clinicIds'];
}

/** Fields of "add" and "edit" a template; the code is fixed once created. */
export function PackTemplateFormFields({ mode, currency, clinics, clinicsLoading }: RecordFieldsProps) {
  const { t } = useI18n();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  return (
    <Row gutter={16}>
      <Col xs={24} sm={10}>
        <CodeField mode={mode} label={t('packs.form.code')} testId="template-form-code" />
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name="name" label={t('packs.form.name')} rules={[required(t('packs.form.name')), { max: 100 }]}>
          <Input data-testid="template-form-name" maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <TemplateItemsField />
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item
          name={['price', 'amount']}
          label={t('packs.form.price', { currency })}
          extra={t('packs.form.priceHint')}
          rules={[
            { required: true, message: t('validation.required', { field: t('packs.form.priceLabel') }) },
            {
              validator: async (_, value?: string | null) => {
                const minor = value == null || value === '' ? undefined : toMinorUnits(value, currency);
                if (minor === undefined || minor <= 0 || minor > 100_000_000_000) throw new Error(t('packs.form.priceInvalid'));
              },
            },
          ]}
        >
          <MoneyInput currency={currency} testId="template-form-price" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item
          name="validityDays"
          label={t('packs.form.validityDays')}
          rules={[
            { required: true, message: t('validation.required', { field: t('packs.form.validityDays') }) },
            { type: 'integer', min: 1, max: 3650, message: t('packs.form.validityInvalid') },
          ]}
        >
          <InputNumber<number> min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid="template-form-validity" />
        </Form.Item>
      </Col>
      <ClinicChoiceFields
        clinics={clinics}
        clinicsLoading={clinicsLoading}
        testIdPrefix="template-form"
        allLabel={t('packs.form.allClinics')}
        listLabel={t('packs.form.clinics')}
        listRequired={t('packs.form.clinicsRequired')}
      />
      <Col span={24}>
        <Form.Item name="description" label={t('packs.form.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="template-form-description" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Items × sessions, each with an optional minimum interval; an item at most once, at most ten. */
function TemplateItemsField() {
  const { t, locale } = useI18n();
  const items = useActiveCatalogItems();
  const form = Form.useFormInstance<TemplateFormValues>();
  const chosen = (Form.useWatch('items', form) ?? []) as TemplateItemValues[];
  const options = (items.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.name} · ${formatMoney(i.listPrice, locale)}`,
    title: i.name,
  }));
  const once = {
    validator: async (_: unknown, itemId?: string) => {
      if (itemId && chosen.filter((c) => c.itemId === itemId).length > 1) throw new Error(t('packs.form.itemTwice'));
    },
  };
  return (
    <>
      <Typography.Text strong>{t('packs.form.items')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('packs.form.itemsHint')}
      </Typography.Paragraph>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, list?: TemplateItemValues[]) => {
              if (!list || list.length === 0) throw new Error(t('packs.form.itemsRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Row gutter={8} key={field.key} align="top" data-testid={`template-item-${i}`}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[field.name, 'itemId']}
                    label={i === 0 ? t('packs.item') : undefined}
                    dependencies={fields.filter((f) => f.key !== field.key).map((f) => ['items', f.name, 'itemId'])}
                    rules={[{ required: true, message: t('validation.required', { field: t('packs.item') }) }, once]}
                  >
                    <Select<string>
                      showSearch={{ optionFilterProp: 'title' }}
                      loading={items.isPending}
                      options={options}
                      data-testid={`template-item-id-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item
                    name={[field.name, 'sessions']}
                    label={i === 0 ? t('packs.sessions') : undefined}
                    rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('packs.form.sessionsInvalid') }]}
                  >
                    <InputNumber<number> min={1} max={100} precision={0} style={{ width: '100%' }} data-testid={`template-item-sessions-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={11} md={5}>
                  <Form.Item
                    name={[field.name, 'minIntervalDays']}
                    label={i === 0 ? t('packs.form.minIntervalDays') : undefined}
                    rules={[{ type: 'integer', min: 0, max: 365, message: t('packs.form.intervalInvalid') }]}
                  >
                    <InputNumber<number>
                      min={0}
                      max={365}
                      precision={0}
                      placeholder={t('packs.form.noInterval')}
                      style={{ width: '100%' }}
                      data-testid={`template-item-interval-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={3} md={2}>
                  <Form.Item label={i === 0 ? ' ' : undefined}>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('packs.form.removeItem')}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      data-testid={`template-item-remove-${i}`}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(NEW_TEMPLATE_ITEM)}
              disabled={fields.length >= MAX_ITEMS}
              style={{ marginBottom: 16 }}
              data-testid="template-add-item"
            >
              {t('packs.form.addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
