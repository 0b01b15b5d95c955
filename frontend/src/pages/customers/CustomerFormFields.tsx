import { AutoComplete, Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { FieldPath } from '../../api/formErrors';
import { useAllClinics } from '../../api/queries';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { CustomerPicker } from './CustomerPicker';
import {
  CUSTOMER_SOURCES,
  GENDERS,
  INCOME_BANDS,
  isValidPhone,
  type CustomerSource,
  type Gender,
  type IncomeBand,
} from './customerFields';
import type { OwnerOption } from './useStaffDirectory';

export interface CustomerFormValues {
  name: string;
  phone: string;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  occupation?: string | null;
  incomeBand?: IncomeBand | null;
  city?: string | null;
  address?: string | null;
  source: CustomerSource;
  ownerStaffId?: string | null;
  homeClinicId?: string | null;
  tags: string[];
  notes?: string | null;
  /** Registration only; afterwards attached once from the customer's page. */
  referrerId?: string;
  /** Registration only; afterwards recorded from the customer's page, with how. */
  marketingConsent?: { granted: boolean; channel?: string };
}

export const CUSTOMER_FIELDS: FieldPath[] = [
  'name',
  'phone',
  'gender',
  'birthDate',
  'occupation',
  'incomeBand',
  'city',
  'address',
  'source',
  'referrerId',
  'ownerStaffId',
  'homeClinicId',
  'tags',
  'notes',
  ['marketingConsent', 'granted'],
  ['marketingConsent', 'channel'],
];

/** Ways consent is commonly given, offered as suggestions (anything else can be typed). */
const CONSENT_CHANNELS = ['customers.consent.channel.paper', 'customers.consent.channel.wechat', 'customers.consent.channel.phone', 'customers.consent.channel.inPerson'] as const;

/** A form control: Form.Item passes `value` and `onChange`. */
export function ConsentChannelInput({ testId, ...control }: { testId: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useI18n();
  return <AutoComplete {...control} data-testid={testId} maxLength={50} options={CONSENT_CHANNELS.map((k) => ({ value: t(k) }))} />;
}

/** A consent change must say how it was given or withdrawn (PIPL: it is evidence). */
export function consentChannelRules(t: Translate) {
  return [
    { required: true, whitespace: true, message: t('customers.consent.channelRequired') },
    { max: 50 },
  ];
}

/**
 * The fields of registration and edit. The phone is checked as the server will (after removing spaces
 * and dashes); the birth date cannot be in the future; the phone note under the field is where a
 * duplicate number names its holder.
 */
export function CustomerFormFields({
  mode,
  owners,
  ownersLoading,
  currentOwner,
  phoneNote,
}: {
  mode: 'create' | 'edit';
  owners: OwnerOption[];
  ownersLoading: boolean;
  /** The customer's owner when she is no choosable consultant (left, or unknown to this role). */
  currentOwner?: OwnerOption;
  phoneNote?: ReactNode;
}) {
  const { t } = useI18n();
  const clinics = useAllClinics();
  const form = Form.useFormInstance<CustomerFormValues>();
  const consent = Form.useWatch(['marketingConsent', 'granted'], form);
  const ownerOptions = currentOwner && !owners.some((o) => o.value === currentOwner.value) ? [currentOwner, ...owners] : owners;
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="name" label={t('customers.form.name')} rules={[required(t('customers.form.name')), { max: 100 }]}>
          <Input data-testid="customer-form-name" maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="phone"
          label={t('customers.form.phone')}
          extra={phoneNote}
          rules={[
            required(t('customers.form.phone')),
            {
              validator: async (_, value?: string) => {
                if (value?.trim() && !isValidPhone(value)) throw new Error(t('customers.form.phoneInvalid'));
              },
            },
          ]}
        >
          <Input data-testid="customer-form-phone" maxLength={30} autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="gender" label={t('customers.form.gender')}>
          <Select<Gender>
            allowClear
            data-testid="customer-form-gender"
            options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="birthDate"
          label={t('customers.form.birthDate')}
          rules={[
            {
              validator: async (_, value?: Dayjs | null) => {
                if (value && value.isAfter(dayjs(), 'day')) throw new Error(t('customers.form.birthDateFuture'));
              },
            },
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            data-testid="customer-form-birth-date"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="source" label={t('customers.form.source')} rules={[{ required: true, message: t('validation.required', { field: t('customers.form.source') }) }]}>
          <Select<CustomerSource>
            data-testid="customer-form-source"
            options={CUSTOMER_SOURCES.map((s) => ({ value: s, label: t(`customerSource.${s}`) }))}
          />
        </Form.Item>
      </Col>
      {mode === 'create' && (
        <Col xs={24} sm={12}>
          <Form.Item name="referrerId" label={t('customers.form.referrer')} extra={t('customers.form.referrerHint')}>
            <CustomerPicker testId="customer-form-referrer" />
          </Form.Item>
        </Col>
      )}
      {ownerOptions.length > 0 && (
        <Col xs={24} sm={12}>
          <Form.Item name="ownerStaffId" label={t('customers.form.owner')}>
            <Select<string>
              allowClear
              loading={ownersLoading}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="customer-form-owner"
              options={ownerOptions}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Form.Item name="homeClinicId" label={t('customers.form.homeClinic')}>
          <Select<string>
            allowClear
            loading={clinics.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="customer-form-clinic"
            options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="occupation" label={t('customers.form.occupation')} rules={[{ max: 100 }]}>
          <Input data-testid="customer-form-occupation" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="incomeBand" label={t('customers.form.incomeBand')}>
          <Select<IncomeBand>
            allowClear
            data-testid="customer-form-income"
            options={INCOME_BANDS.map((b) => ({ value: b, label: t(`incomeBand.${b}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="city" label={t('customers.form.city')} rules={[{ max: 50 }]}>
          <Input data-testid="customer-form-city" maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={16}>
        <Form.Item name="address" label={t('customers.form.address')} rules={[{ max: 300 }]}>
          <Input data-testid="customer-form-address" maxLength={300} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="tags"
          label={t('customers.form.tags')}
          extra={t('customers.form.tagsHint')}
          rules={[
            { type: 'array', max: 20, message: t('customers.form.tagsTooMany') },
            {
              validator: async (_, value?: string[]) => {
                if (value?.some((tag) => tag.trim().length > 30)) throw new Error(t('customers.form.tagTooLong'));
              },
            },
          ]}
        >
          <Select<string[]> mode="tags" data-testid="customer-form-tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label={t('customers.form.notes')} extra={t('customers.form.notesHint')} rules={[{ max: 2000 }]}>
          <Input.TextArea data-testid="customer-form-notes" maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} showCount />
        </Form.Item>
      </Col>
      {mode === 'create' && (
        <>
          <Col xs={24} sm={8}>
            <Form.Item name={['marketingConsent', 'granted']} label={t('customers.form.consent')} valuePropName="checked">
              <Switch data-testid="customer-form-consent" />
            </Form.Item>
          </Col>
          {consent && (
            <Col xs={24} sm={16}>
              <Form.Item
                name={['marketingConsent', 'channel']}
                label={t('customers.consent.channel')}
                rules={consentChannelRules(t)}
              >
                <ConsentChannelInput testId="customer-form-consent-channel" />
              </Form.Item>
            </Col>
          )}
        </>
      )}
    </Row>
  );
}
