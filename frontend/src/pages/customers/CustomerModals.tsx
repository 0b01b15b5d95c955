import type { UseQueryResult } from '@tanstack/react-query';
import { App, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { isApiProblem, type ApiProblem, type FieldError } from '../../api/problem';
import { keys, type Customer } from '../../api/queries';
import { blankToNull, blankToUndefined } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, inWords, useEditedRecord, useFormMutation, type Versioned } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { CustomerPicker } from './CustomerPicker';
import { findPhoneHolder } from './customerFields';
import {
  ConsentChannelInput,
  consentChannelRules,
  CUSTOMER_FIELDS,
  CustomerFormFields,
  type CustomerFormValues,
} from './CustomerFormFields';
import { useStaffDirectory } from './useStaffDirectory';

/** What a customer write changes: every customer read (lists, pickers, her page) and the audit log. */
const CUSTOMER_WRITES = [keys.customers, keys.audit];

/**
 * The server's customer errors in the UI's words. A 409 without field errors on registration or edit
 * is a phone number another customer already has.
 */
function customerFieldErrors(problem: ApiProblem, t: Translate): FieldError[] | undefined {
  if (problem.status === 409 && problem.errors.length === 0) {
    return [{ field: 'phone', message: t('customers.form.phoneTaken') }];
  }
  return inWords(problem.errors, {
    phone: t('customers.form.phoneInvalid'),
    birthDate: t('customers.form.birthDateFuture'),
    referrerId: t('customers.form.referrerInvalid'),
  });
}

function tags(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/**
 * After a 409 on the phone, who has that number: shown under the phone field with a link to her page,
 * so the front desk opens the existing record instead of registering her twice.
 */
function usePhoneHolder() {
  const api = useApi();
  const { t } = useI18n();
  const [holder, setHolder] = useState<Customer | null>(null);
  return {
    clear: () => setHolder(null),
    /** Runs a write; when it fails with a 409, looks up the holder of `phone` before rethrowing. */
    async guard<R>(phone: string, write: () => Promise<R>): Promise<R> {
      setHolder(null);
      try {
        return await write();
      } catch (e) {
        if (isApiProblem(e) && e.status === 409) setHolder(await findPhoneHolder(api, phone).catch(() => null));
        throw e;
      }
    },
    note: holder && (
      <span data-testid="phone-holder">
        {t('customers.form.phoneHolder')}{' '}
        <Link to={`/customers/${holder.id}`} data-testid="phone-holder-link">
          {holder.name}
        </Link>
      </span>
    ),
  };
}

export function RegisterCustomerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CustomerFormValues>();
  const directory = useStaffDirectory();
  const phoneHolder = usePhoneHolder();

  const register = useFormMutation({
    form,
    fields: CUSTOMER_FIELDS,
    invalidate: CUSTOMER_WRITES,
    mutationFn: (v: CustomerFormValues) =>
      phoneHolder.guard(v.phone, () =>
        dataOf(
          api.POST('/api/v1/customers', {
            body: {
              name: v.name.trim(),
              phone: v.phone.trim(),
              gender: v.gender ?? undefined,
              birthDate: v.birthDate?.format('YYYY-MM-DD'),
              occupation: blankToUndefined(v.occupation),
              incomeBand: v.incomeBand ?? undefined,
              city: blankToUndefined(v.city),
              address: blankToUndefined(v.address),
              source: v.source,
              referrerId: v.referrerId ?? undefined,
              ownerStaffId: v.ownerStaffId ?? undefined,
              homeClinicId: v.homeClinicId ?? undefined,
              tags: tags(v.tags),
              notes: blankToUndefined(v.notes),
              marketingConsent: v.marketingConsent?.granted
                ? { granted: true, channel: blankToUndefined(v.marketingConsent.channel) }
                : undefined,
            },
          }),
        ),
      ),
    fieldErrorsFor: (problem) => customerFieldErrors(problem, t),
    onClose: () => {
      phoneHolder.clear();
      onClose();
    },
    onSuccess: (customer) => {
      message.success(t('customers.registered', { name: customer.name }));
      navigate(`/customers/${customer.id}`);
    },
  });

  // A consultant registers her own customers; someone working in one clinic registers them there.
  const initialValues: Partial<CustomerFormValues> = {
    tags: [],
    marketingConsent: { granted: false },
    ownerStaffId: me.roles.includes('consultant') ? me.staffId : undefined,
    homeClinicId: !me.allClinics && me.clinicIds.length === 1 ? me.clinicIds[0] : undefined,
  };

  return (
    <FormModal
      open={open}
      title={t('customers.form.registerTitle')}
      submitLabel={t('customers.register')}
      submitTestId="customer-form-submit"
      testId="customer-form"
      width={760}
      {...register.modal}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => register.mutation.mutate(v)}
        onValuesChange={(changed) => 'phone' in changed && phoneHolder.clear()}
        disabled={register.mutation.isPending}
      >
        <CustomerFormFields mode="create" owners={directory.owners} ownersLoading={directory.loading} phoneNote={phoneHolder.note} />
      </Form>
    </FormModal>
  );
}

/** Edits a customer with If-Match from a fresh read when the dialog opens; a 412 offers to reload. */
export function EditCustomerModal({ customerId, onClose }: { customerId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const directory = useStaffDirectory();
  const phoneHolder = usePhoneHolder();

  const current = useEditedRecord({
    queryKey: keys.customerEdit(customerId ?? ''),
    enabled: customerId !== null,
    read: () => unwrap(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId: customerId! } } })),
    form,
    toValues: (c): CustomerFormValues => ({
      name: c.name,
      phone: c.phone,
      gender: c.gender ?? null,
      birthDate: c.birthDate ? dayjs(c.birthDate) : null,
      occupation: c.occupation ?? '',
      incomeBand: c.incomeBand ?? null,
      city: c.city ?? '',
      address: c.address ?? '',
      source: c.source,
      ownerStaffId: c.ownerStaffId ?? null,
      homeClinicId: c.homeClinicId ?? null,
      tags: c.tags,
      notes: c.notes ?? '',
    }),
  });
  const ownerId = current.data?.data.ownerStaffId;

  const save = useFormMutation({
    form,
    fields: CUSTOMER_FIELDS,
    invalidate: CUSTOMER_WRITES,
    mutationFn: (v: CustomerFormValues) => {
      const loaded = current.data!;
      return phoneHolder.guard(v.phone, () =>
        dataOf(
          api.PATCH('/api/v1/customers/{customerId}', {
            params: { path: { customerId: customerId! }, header: { 'If-Match': ifMatch(loaded.data, loaded.etag) } },
            body: {
              name: v.name.trim(),
              phone: v.phone.trim(),
              gender: v.gender ?? null,
              birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
              occupation: blankToNull(v.occupation),
              incomeBand: v.incomeBand ?? null,
              city: blankToNull(v.city),
              address: blankToNull(v.address),
              source: v.source,
              // The owner field is shown whenever there is an owner, so "not chosen" means "none".
              ownerStaffId: v.ownerStaffId ?? null,
              homeClinicId: v.homeClinicId ?? null,
              tags: tags(v.tags),
              notes: blankToNull(v.notes),
            },
          }),
        ),
      );
    },
    fieldErrorsFor: (problem) => customerFieldErrors(problem, t),
    onClose: () => {
      phoneHolder.clear();
      onClose();
    },
    onSuccess: () => message.success(t('common.saved')),
  });

  return (
    <FormModal
      open={customerId !== null}
      title={t('customers.form.editTitle')}
      submitTestId="customer-form-submit"
      testId="customer-edit-form"
      errorTestId="customer-form-error"
      width={760}
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutation.mutate(v)}
        onValuesChange={(changed) => 'phone' in changed && phoneHolder.clear()}
        disabled={save.mutation.isPending}
      >
        <CustomerFormFields
          mode="edit"
          owners={directory.owners}
          ownersLoading={directory.loading}
          currentOwner={ownerId ? { value: ownerId, label: directory.nameOf(ownerId) ?? ownerId } : undefined}
          phoneNote={phoneHolder.note}
        />
      </Form>
    </FormModal>
  );
}

type CustomerRecord = UseQueryResult<Versioned<Customer>>;
type ConsentValues = { marketingConsent: { channel: string } };

/**
 * Records that the customer gave, or withdrew, marketing consent, and how. The dialog always flips
 * the current answer: the server keeps a consent record only when the answer changes.
 */
export function ConsentModal({ record, open, onClose }: { record: CustomerRecord; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsentValues>();
  const customer = record.data?.data;
  const grant = !customer?.marketingConsent.granted;

  const save = useFormMutation({
    form,
    fields: [['marketingConsent', 'channel']],
    invalidate: CUSTOMER_WRITES,
    mutationFn: ({ marketingConsent: { channel } }: ConsentValues) =>
      dataOf(
        api.PATCH('/api/v1/customers/{customerId}', {
          params: { path: { customerId: customer!.id }, header: { 'If-Match': ifMatch(customer!, record.data!.etag) } },
          body: { marketingConsent: { granted: grant, channel: channel.trim() } },
        }),
      ),
    onClose,
    onSuccess: () => message.success(t(grant ? 'customers.consent.granted' : 'customers.consent.withdrawn')),
  });

  return (
    <FormModal
      open={open}
      title={t(grant ? 'customers.consent.grantTitle' : 'customers.consent.withdrawTitle')}
      submitLabel={t(grant ? 'customers.consent.grant' : 'customers.consent.withdraw')}
      submitTestId="consent-form-submit"
      testId="consent-form"
      width={480}
      {...save.modal}
      {...editModalProps(record, save)}
    >
      <Typography.Paragraph type="secondary">
        {t(grant ? 'customers.consent.grantHint' : 'customers.consent.withdrawHint', { name: customer?.name ?? '' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        {/* Named like the API's field, so the server's error on it lands here. */}
        <Form.Item name={['marketingConsent', 'channel']} label={t('customers.consent.channel')} rules={consentChannelRules(t)}>
          <ConsentChannelInput testId="consent-form-channel" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Attaches the referrer of a customer who has none yet (once: the server keeps who and when). */
export function AttachReferrerModal({ record, open, onClose }: { record: CustomerRecord; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ referrerId: string }>();
  const customer = record.data?.data;

  const save = useFormMutation({
    form,
    fields: ['referrerId'],
    invalidate: CUSTOMER_WRITES,
    mutationFn: ({ referrerId }: { referrerId: string }) =>
      dataOf(
        api.PATCH('/api/v1/customers/{customerId}', {
          params: { path: { customerId: customer!.id }, header: { 'If-Match': ifMatch(customer!, record.data!.etag) } },
          body: { referrerId },
        }),
      ),
    // A 409: someone attached a referrer meanwhile. A 400: a referral cycle (or no such customer).
    fieldErrorsFor: (problem) =>
      problem.status === 409 && problem.errors.length === 0
        ? [{ field: 'referrerId', message: t('customers.referrer.alreadyAttached') }]
        : inWords(problem.errors, { referrerId: t('customers.form.referrerInvalid') }),
    onClose,
    onSuccess: (updated) => message.success(t('customers.referrer.attached', { name: updated.referrer?.name ?? '' })),
  });

  return (
    <FormModal
      open={open}
      title={t('customers.referrer.attach')}
      submitLabel={t('customers.referrer.attach')}
      submitTestId="referrer-form-submit"
      testId="referrer-form"
      width={480}
      {...save.modal}
      {...editModalProps(record, save)}
    >
      <Typography.Paragraph type="secondary">{t('customers.referrer.attachHint', { name: customer?.name ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <Form.Item
          name="referrerId"
          label={t('customers.form.referrer')}
          rules={[{ required: true, message: t('validation.required', { field: t('customers.form.referrer') }) }]}
        >
          <CustomerPicker testId="referrer-form-picker" exclude={customer?.id} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
