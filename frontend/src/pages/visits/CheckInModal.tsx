import { Col, Form, Input, Row, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import type { FieldPath } from '../../api/formErrors';
import type { ApiProblem, FieldError } from '../../api/problem';
import type { components } from '../../api/schema';
import { blankToUndefined } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { inWords, useFormMutation } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { CustomerPicker } from '../customers/CustomerPicker';
import { CUSTOMER_SOURCES, isValidPhone, type CustomerSource } from '../customers/customerFields';
import { ClinicSelect, ColleagueSelect } from './pickers';
import { useMyClinics } from './useClinics';
import { VISIT_PURPOSES, VISIT_WRITES, type VisitPurpose } from './visitFields';

export type CheckedIn = components['schemas']['VisitCheckedIn'];

/** Who is checking in: an existing customer (her page gives her), or a walk-in's details. */
export interface CheckInDraft {
  customer?: { id: string; name: string };
  clinicId?: string;
}

type Mode = 'known' | 'new';

interface CheckInValues {
  customerId?: string;
  newCustomer?: { name: string; phone: string; source: CustomerSource };
  clinicId: string;
  purpose: VisitPurpose;
  staffIds?: string[];
  note?: string;
}

const FIELDS: FieldPath[] = [
  'customerId',
  ['newCustomer', 'name'],
  ['newCustomer', 'phone'],
  ['newCustomer', 'source'],
  'clinicId',
  'purpose',
  'staffIds',
  'note',
];

/**
 * A 409 is a customer still checked in from an earlier visit: said on the customer (or the walk-in's phone,
 * by which she was matched). A walk-in's details are checked as registration checks them.
 */
function checkInErrors(problem: ApiProblem, mode: Mode, t: Translate): FieldError[] | undefined {
  if (problem.status === 409 && problem.errors.length === 0) {
    return [{ field: mode === 'known' ? 'customerId' : 'newCustomer.phone', message: t('visits.stillCheckedIn') }];
  }
  return inWords(problem.errors, {
    'newCustomer.phone': t('customers.form.phoneInvalid'),
    customerId: t('appointments.form.customerInvalid'),
  });
}

/** Checks a customer in without an appointment: someone known, found by search, or a walk-in by name and phone. */
export function CheckInModal({
  draft,
  onClose,
  onCheckedIn,
}: {
  draft: CheckInDraft | null;
  onClose: () => void;
  onCheckedIn: (result: CheckedIn, walkIn: boolean) => void;
}) {
  // A fresh dialog (and form) per check-in: nothing of the last customer is left in it.
  return draft ? <CheckInDialog draft={draft} onClose={onClose} onCheckedIn={onCheckedIn} /> : null;
}

function CheckInDialog({
  draft,
  onClose,
  onCheckedIn,
}: {
  draft: CheckInDraft;
  onClose: () => void;
  onCheckedIn: (result: CheckedIn, walkIn: boolean) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const clinics = useMyClinics();
  const [form] = Form.useForm<CheckInValues>();
  const [mode, setMode] = useState<Mode>('known');
  const clinicId = Form.useWatch('clinicId', form) ?? draft.clinicId ?? clinics.open[0]?.id;
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });

  const checkIn = useFormMutation({
    form,
    fields: FIELDS,
    invalidate: VISIT_WRITES,
    mutationFn: (v: CheckInValues) =>
      dataOf(
        api.POST('/api/v1/visits', {
          body: {
            ...(mode === 'known'
              ? { customerId: v.customerId }
              : { newCustomer: { name: v.newCustomer!.name.trim(), phone: v.newCustomer!.phone.trim(), source: v.newCustomer!.source } }),
            clinicId: v.clinicId,
            purpose: v.purpose,
            staffIds: v.staffIds ?? [],
            note: blankToUndefined(v.note),
          },
        }),
      ),
    fieldErrorsFor: (problem) => checkInErrors(problem, mode, t),
    onClose,
    onSuccess: (result) => onCheckedIn(result, mode === 'new'),
  });

  return (
    <FormModal
      open
      title={draft.customer ? t('visits.checkInTitleFor', { name: draft.customer.name }) : t('visits.checkInTitle')}
      submitLabel={t('visits.checkIn')}
      submitTestId="check-in-form-submit"
      testId="check-in-form"
      width={620}
      loading={clinics.query.isPending}
      loadError={clinics.query.error}
      onRetryLoad={() => void clinics.query.refetch()}
      {...checkIn.modal}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          customerId: draft.customer?.id,
          clinicId: draft.clinicId ?? clinics.open[0]?.id,
          purpose: 'CONSULTATION',
          staffIds: [],
          newCustomer: { source: 'WALK_IN' },
        }}
        onValuesChange={(changed: Partial<CheckInValues>) => {
          if ('clinicId' in changed) form.setFieldValue('staffIds', []);
        }}
        onFinish={(v) => checkIn.mutation.mutate(v)}
        disabled={checkIn.mutation.isPending}
      >
        {draft.customer ? (
          <Form.Item label={t('appointments.form.customer')}>
            <Typography.Text strong data-testid="check-in-form-customer-name">
              {draft.customer.name}
            </Typography.Text>
            <Form.Item name="customerId" hidden>
              <Input />
            </Form.Item>
          </Form.Item>
        ) : (
          <Form.Item>
            <Segmented<Mode>
              block
              value={mode}
              onChange={(m) => {
                setMode(m);
                checkIn.clear();
              }}
              options={[
                { value: 'known', label: t('visits.mode.known') },
                { value: 'new', label: t('visits.mode.new') },
              ]}
              data-testid="check-in-form-mode"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          {!draft.customer && mode === 'known' && (
            <Col span={24}>
              <Form.Item
                name="customerId"
                label={t('appointments.form.customer')}
                rules={[{ required: true, message: t('validation.required', { field: t('appointments.form.customer') }) }]}
              >
                <CustomerPicker testId="check-in-form-customer" />
              </Form.Item>
            </Col>
          )}
          {!draft.customer && mode === 'new' && (
            <>
              <Col span={24}>
                <Typography.Paragraph type="secondary" data-testid="check-in-form-new-hint">
                  {t('visits.newHint')}
                </Typography.Paragraph>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name={['newCustomer', 'name']} label={t('customers.form.name')} rules={[required(t('customers.form.name')), { max: 100 }]}>
                  <Input maxLength={100} autoComplete="off" data-testid="check-in-form-name" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item
                  name={['newCustomer', 'phone']}
                  label={t('customers.form.phone')}
                  rules={[
                    required(t('customers.form.phone')),
                    {
                      validator: async (_, value?: string) => {
                        if (value?.trim() && !isValidPhone(value)) throw new Error(t('customers.form.phoneInvalid'));
                      },
                    },
                  ]}
                >
                  <Input maxLength={30} autoComplete="off" inputMode="tel" data-testid="check-in-form-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name={['newCustomer', 'source']} label={t('customers.form.source')} rules={[{ required: true }]}>
                  <Select<CustomerSource>
                    data-testid="check-in-form-source"
                    options={CUSTOMER_SOURCES.map((s) => ({ value: s, label: t(`customerSource.${s}`) }))}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              name="clinicId"
              label={t('appointments.form.clinic')}
              rules={[{ required: true, message: t('validation.required', { field: t('appointments.form.clinic') }) }]}
            >
              <ClinicSelect testId="check-in-form-clinic" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="purpose" label={t('visits.purpose')} rules={[{ required: true }]}>
              <Select<VisitPurpose>
                data-testid="check-in-form-purpose"
                options={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`visitPurpose.${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="staffIds" label={t('visits.staff')}>
              <ColleagueSelect multiple clinicId={clinicId} testId="check-in-form-staff" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('visits.note')} rules={[{ max: 1000 }]}>
              <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="check-in-form-note" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
