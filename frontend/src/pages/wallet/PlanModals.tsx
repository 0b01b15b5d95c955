import { App, Form } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { ApiProblem, FieldError } from '../../api/problem';
import { keys, type Clinic } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { editModalProps, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { clinicChoice } from '../catalog/ChainRecordFields';
import { PLAN_FIELDS, PlanFormFields, type PlanFormValues } from './PlanFormFields';
import { walletKeys, type StoredValuePlan } from './walletQueries';

/** What a plan write changes: the plan lists (and the top-up's choice) and the audit log. */
const PLAN_WRITES = [walletKeys.plans, keys.audit];

interface Shared {
  currency: string;
  clinics: Clinic[];
  clinicsLoading: boolean;
}

/** The terms the form describes, as both the create and the patch take them. */
function termsOf(v: PlanFormValues, currency: string) {
  const day = (d: PlanFormValues['availableFrom']) => (d ? d.format('YYYY-MM-DD') : null);
  return {
    name: v.name!.trim(),
    description: v.description?.trim() || null,
    // The form's validators only let through amounts that convert.
    price: { amount: toMinorUnits(v.price!, currency)!, currency },
    value: { amount: toMinorUnits(v.value!, currency)!, currency },
    validityDays: v.validityDays ?? null,
    ...clinicChoice({ allClinics: !!v.allClinics, clinicIds: v.clinicIds }),
    availableFrom: day(v.availableFrom),
    availableUntil: day(v.availableUntil),
  };
}

/** The server's money errors name `price.amount`; the form has `price`. A 409 on create can only be the code. */
function planFieldErrors(problem: ApiProblem, t: Translate, create: boolean): FieldError[] | undefined {
  if (create && problem.status === 409 && problem.errors.length === 0) return [{ field: 'code', message: t('svPlans.form.codeTaken') }];
  if (!problem.errors.some((e) => /\.amount$/.test(e.field))) return undefined;
  return problem.errors.map((e) => ({ ...e, field: e.field.replace(/\.amount$/, '') }));
}

export function AddPlanModal({ open, onClose, currency, clinics, clinicsLoading }: Shared & { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const create = useFormMutation<PlanFormValues, StoredValuePlan>({
    form,
    fields: PLAN_FIELDS,
    invalidate: PLAN_WRITES,
    mutationFn: (v) => {
      const { description, ...terms } = termsOf(v, currency);
      return dataOf(api.POST('/api/v1/stored-value/plans', { body: { code: v.code!.trim(), ...terms, ...(description ? { description } : {}) } }));
    },
    fieldErrorsFor: (problem) => planFieldErrors(problem, t, true),
    onClose,
    onSuccess: (plan) => void message.success(t('svPlans.created', { name: plan.name })),
  });
  return (
    <FormModal open={open} title={t('svPlans.form.addTitle')} submitLabel={t('common.create')} testId="sv-plan-form" submitTestId="sv-plan-form-submit" width={720} {...create.modal}>
      <Form<PlanFormValues> form={form} layout="vertical" initialValues={{ allClinics: true, clinicIds: [] }} onFinish={(v) => create.mutation.mutate(v)}>
        <PlanFormFields mode="create" currency={currency} clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
    </FormModal>
  );
}

/** Edits a plan with If-Match from the read made when the dialog opened; lots already sold keep their terms. */
export function EditPlanModal({ planId, onClose, currency, clinics, clinicsLoading }: Shared & { planId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const current = useEditedRecord({
    queryKey: walletKeys.plan(planId ?? ''),
    enabled: planId !== null,
    read: () => unwrap(api.GET('/api/v1/stored-value/plans/{planId}', { params: { path: { planId: planId! } } })),
    form,
    toValues: (p: StoredValuePlan): PlanFormValues => ({
      code: p.code,
      name: p.name,
      description: p.description ?? undefined,
      price: toMajorUnits(p.price.amount, p.price.currency),
      value: toMajorUnits(p.value.amount, p.value.currency),
      validityDays: p.validityDays,
      allClinics: p.allClinics,
      clinicIds: p.clinicIds,
      availableFrom: p.availableFrom ? dayjs(p.availableFrom) : null,
      availableUntil: p.availableUntil ? dayjs(p.availableUntil) : null,
      active: p.active,
    }),
  });
  const save = useFormMutation<PlanFormValues, StoredValuePlan>({
    form,
    fields: PLAN_FIELDS,
    invalidate: PLAN_WRITES,
    mutationFn: (v) => {
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/stored-value/plans/{planId}', {
          params: { path: { planId: planId! }, header: { 'If-Match': ifMatch(loaded.data, loaded.etag) } },
          body: { ...termsOf(v, currency), active: !!v.active },
        }),
      );
    },
    fieldErrorsFor: (problem) => planFieldErrors(problem, t, false),
    onClose,
    onSuccess: () => void message.success(t('common.saved')),
  });
  return (
    <FormModal
      open={planId !== null}
      title={t('svPlans.form.editTitle')}
      testId="sv-plan-edit-form"
      submitTestId="sv-plan-form-submit"
      errorTestId="sv-plan-form-error"
      width={720}
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form<PlanFormValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <PlanFormFields mode="edit" currency={currency} clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
    </FormModal>
  );
}
