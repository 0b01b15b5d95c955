import { App, Form } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { ApiProblem, FieldError } from '../../api/problem';
import { keys, type Clinic } from '../../api/queries';
import type { components } from '../../api/schema';
import { blankToNull, blankToUndefined } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, inWords, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { STAFF_FIELDS, StaffFormFields, type StaffFormValues } from './StaffFormFields';

type StaffCreated = components['schemas']['StaffCreated'];

/** What a staff write changes: the staff lists (and counts) and the audit log. */
const STAFF_WRITES = [keys.staff, keys.audit];

/**
 * The server's staff errors in the UI's words. A 409 without field errors is a login clash: the
 * username or email is used by some login anywhere in MeiKe (the server does not say which, nor
 * where); it goes on the fields that may have caused it.
 */
function staffFieldErrors(problem: ApiProblem, t: Translate, clashFields: string[]): FieldError[] | undefined {
  if (problem.status === 409 && problem.errors.length === 0) {
    return clashFields.length > 0 ? clashFields.map((field) => ({ field, message: t('staff.form.loginTaken') })) : undefined;
  }
  return inWords(problem.errors, { allClinics: t('staff.form.adminAllClinics') });
}

interface InviteProps {
  open: boolean;
  onClose: () => void;
  onCreated: (created: StaffCreated) => void;
  clinics: Clinic[];
  clinicsLoading: boolean;
}

export function InviteStaffModal({ open, onClose, onCreated, clinics, clinicsLoading }: InviteProps) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<StaffFormValues>();

  const invite = useFormMutation({
    form,
    fields: STAFF_FIELDS,
    invalidate: STAFF_WRITES,
    mutationFn: (v: StaffFormValues) =>
      dataOf(
        api.POST('/api/v1/staff', {
          body: {
            username: (v.username ?? '').trim(),
            email: v.email.trim(),
            displayName: v.displayName.trim(),
            phone: blankToUndefined(v.phone),
            roles: v.roles,
            allClinics: v.allClinics,
            // "All clinics" means no list at all; otherwise at least one clinic.
            clinicIds: v.allClinics ? undefined : (v.clinicIds ?? []),
          },
        }),
      ),
    fieldErrorsFor: (problem) => staffFieldErrors(problem, t, ['username', 'email']),
    onClose,
    onSuccess: onCreated,
  });

  return (
    <FormModal
      open={open}
      title={t('staff.form.inviteTitle')}
      submitLabel={t('staff.invite')}
      submitTestId="staff-form-submit"
      testId="staff-form"
      {...invite.modal}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ allClinics: false, roles: [], clinicIds: [] }}
        onFinish={(v) => invite.mutation.mutate(v)}
        disabled={invite.mutation.isPending}
      >
        <StaffFormFields mode="create" clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
    </FormModal>
  );
}

interface EditProps {
  staffId: string | null;
  /** The signed-in admin's own staff id: they may not drop their own admin role. */
  selfId: string | null | undefined;
  onClose: () => void;
  clinics: Clinic[];
  clinicsLoading: boolean;
}

/** Edits roles, clinics and details with If-Match from the read when the dialog opened. */
export function EditStaffModal({ staffId, selfId, onClose, clinics, clinicsLoading }: EditProps) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFormValues>();

  const current = useEditedRecord({
    queryKey: keys.staffMember(staffId ?? ''),
    enabled: staffId !== null,
    read: () => unwrap(api.GET('/api/v1/staff/{staffId}', { params: { path: { staffId: staffId! } } })),
    form,
    toValues: (s): StaffFormValues => ({
      username: s.username,
      email: s.email,
      displayName: s.displayName,
      phone: s.phone ?? '',
      roles: s.roles,
      allClinics: s.allClinics,
      clinicIds: s.clinicIds,
    }),
  });

  const save = useFormMutation({
    form,
    fields: STAFF_FIELDS,
    invalidate: STAFF_WRITES,
    mutationFn: (v: StaffFormValues) => {
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/staff/{staffId}', {
          params: { path: { staffId: staffId! }, header: { 'If-Match': ifMatch(loaded.data, loaded.etag) } },
          body: {
            email: v.email.trim(),
            displayName: v.displayName.trim(),
            phone: blankToNull(v.phone),
            roles: v.roles,
            allClinics: v.allClinics,
            clinicIds: v.allClinics ? [] : (v.clinicIds ?? []),
          },
        }),
      );
    },
    // Only a changed email can clash with another login.
    fieldErrorsFor: (problem, v) =>
      staffFieldErrors(problem, t, v.email.trim().toLowerCase() !== current.data?.data.email.toLowerCase() ? ['email'] : []),
    onClose,
    onSuccess: () => message.success(t('common.saved')),
  });

  return (
    <FormModal
      open={staffId !== null}
      title={t('staff.form.editTitle')}
      submitTestId="staff-form-submit"
      testId="staff-edit-form"
      errorTestId="staff-form-error"
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <StaffFormFields
          mode="edit"
          clinics={clinics}
          clinicsLoading={clinicsLoading}
          self={staffId !== null && staffId === selfId}
        />
      </Form>
    </FormModal>
  );
}
