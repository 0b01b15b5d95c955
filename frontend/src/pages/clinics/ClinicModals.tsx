import { App, Form, Switch } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { keys } from '../../api/queries';
import { blankToNull, blankToUndefined } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, inWords, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import type { ApiProblem, FieldError } from '../../api/problem';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { CLINIC_FIELDS, ClinicFormFields, type ClinicFormValues } from './ClinicFormFields';

/** What a clinic write changes: the clinic lists (and pickers) and the audit log. */
const CLINIC_WRITES = [keys.clinics, keys.audit];

/**
 * The server's clinic errors in the UI's words: an unknown time zone, and (on create) a 409, whose
 * only cause is another clinic's code.
 */
function clinicFieldErrors(problem: ApiProblem, t: Translate, create: boolean): FieldError[] | undefined {
  if (create && problem.status === 409 && problem.errors.length === 0) {
    return [{ field: 'code', message: t('clinics.form.codeTaken') }];
  }
  return inWords(problem.errors, { timeZone: t('clinics.form.timeZoneInvalid') });
}

export function AddClinicModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClinicFormValues>();

  const create = useFormMutation({
    form,
    fields: CLINIC_FIELDS,
    invalidate: CLINIC_WRITES,
    mutationFn: (values: ClinicFormValues) =>
      dataOf(
        api.POST('/api/v1/clinics', {
          body: {
            code: (values.code ?? '').trim(),
            name: values.name.trim(),
            address: blankToUndefined(values.address),
            phone: blankToUndefined(values.phone),
            timeZone: blankToUndefined(values.timeZone),
          },
        }),
      ),
    fieldErrorsFor: (problem) => clinicFieldErrors(problem, t, true),
    onClose,
    onSuccess: (clinic) => message.success(t('clinics.created', { name: clinic.name })),
  });

  return (
    <FormModal
      open={open}
      title={t('clinics.form.addTitle')}
      submitLabel={t('common.create')}
      submitTestId="clinic-form-submit"
      testId="clinic-form"
      {...create.modal}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutation.mutate(v)}
        disabled={create.mutation.isPending}
        preserve={false}
      >
        <ClinicFormFields mode="create" />
      </Form>
    </FormModal>
  );
}

type EditValues = ClinicFormValues & { active: boolean };

/** Edits a clinic with optimistic concurrency: If-Match carries the ETag read when the dialog opened. */
export function EditClinicModal({ clinicId, onClose }: { clinicId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();

  const current = useEditedRecord({
    queryKey: keys.clinic(clinicId ?? ''),
    enabled: clinicId !== null,
    read: () => unwrap(api.GET('/api/v1/clinics/{clinicId}', { params: { path: { clinicId: clinicId! } } })),
    form,
    toValues: (clinic): EditValues => ({
      code: clinic.code,
      name: clinic.name,
      address: clinic.address ?? '',
      phone: clinic.phone ?? '',
      timeZone: clinic.timeZone,
      active: clinic.active,
    }),
  });

  const save = useFormMutation({
    form,
    fields: CLINIC_FIELDS,
    invalidate: CLINIC_WRITES,
    mutationFn: (values: EditValues) => {
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/clinics/{clinicId}', {
          params: { path: { clinicId: clinicId! }, header: { 'If-Match': ifMatch(loaded.data, loaded.etag) } },
          body: {
            name: values.name.trim(),
            address: blankToNull(values.address),
            phone: blankToNull(values.phone),
            timeZone: (values.timeZone ?? '').trim(),
            active: values.active,
          },
        }),
      );
    },
    fieldErrorsFor: (problem) => clinicFieldErrors(problem, t, false),
    onClose,
    onSuccess: () => message.success(t('common.saved')),
  });

  return (
    <FormModal
      open={clinicId !== null}
      title={t('clinics.form.editTitle')}
      submitTestId="clinic-form-submit"
      testId="clinic-edit-form"
      errorTestId="clinic-form-error"
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <ClinicFormFields mode="edit" />
        <Form.Item name="active" label={t('clinics.form.active')} valuePropName="checked">
          <Switch data-testid="clinic-form-active" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
