import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Spin } from 'antd';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { keys, type Clinic, type Staff } from '../../api/queries';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useServerErrors } from '../../components/useServerErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { blankToNull, blankToUndefined } from '../clinics/ClinicFormFields';
import { etagOf } from '../clinics/ClinicModals';
import { STAFF_FIELDS, StaffFormFields, type StaffFormValues } from './StaffFormFields';

type StaffCreated = components['schemas']['StaffCreated'];

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
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StaffFormValues>();
  const server = useServerErrors(form, STAFF_FIELDS);

  const invite = useMutation({
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
            clinicIds: v.allClinics ? undefined : (v.clinicIds ?? []),
          },
        }),
      ),
    onMutate: () => server.clear(),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: keys.staff });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
      form.resetFields();
      onClose();
      onCreated(created);
    },
    onError: server.handle,
  });

  const cancel = () => {
    server.clear();
    form.resetFields();
    onClose();
  };

  return (
    <FormModal
      open={open}
      title={t('staff.form.inviteTitle')}
      pending={invite.isPending}
      submitLabel={t('staff.invite')}
      submitTestId="staff-form-submit"
      testId="staff-form"
      onSubmit={() => form.submit()}
      onCancel={cancel}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ allClinics: false, roles: [], clinicIds: [] }}
        onFinish={(v) => invite.mutate(v)}
        disabled={invite.isPending}
      >
        {server.error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={server.error} extraErrors={server.unmatched} testId="staff-form-error" />
          </div>
        )}
        <StaffFormFields mode="create" clinics={clinics} clinicsLoading={clinicsLoading} />
      </Form>
    </FormModal>
  );
}

interface EditProps {
  staffId: string | null;
  onClose: () => void;
  clinics: Clinic[];
  clinicsLoading: boolean;
}

/** Edits roles, clinics and details with If-Match from the read when the dialog opened. */
export function EditStaffModal({ staffId, onClose, clinics, clinicsLoading }: EditProps) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFormValues>();
  const server = useServerErrors(form, STAFF_FIELDS);

  const current = useQuery({
    queryKey: keys.staffMember(staffId ?? ''),
    enabled: staffId !== null,
    queryFn: () => unwrap(api.GET('/api/v1/staff/{staffId}', { params: { path: { staffId: staffId! } } })),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    const s = current.data?.data;
    if (s) {
      form.setFieldsValue({
        username: s.username,
        email: s.email,
        displayName: s.displayName,
        phone: s.phone ?? '',
        roles: s.roles,
        allClinics: s.allClinics,
        clinicIds: s.clinicIds,
      });
    }
  }, [current.data, form]);

  const save = useMutation({
    mutationFn: (v: StaffFormValues) => {
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/staff/{staffId}', {
          params: { path: { staffId: staffId! }, header: { 'If-Match': etagOf(loaded.etag, loaded.data) } },
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
    onMutate: () => server.clear(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.staff });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
      message.success(t('common.saved'));
      close();
    },
    onError: server.handle,
  });

  const close = () => {
    server.clear();
    onClose();
  };
  const stale = isApiProblem(server.error) && server.error.status === 412;
  const reload = async () => {
    server.clear();
    await current.refetch();
  };

  return (
    <FormModal
      open={staffId !== null}
      title={t('staff.form.editTitle')}
      pending={save.isPending}
      submitTestId="staff-form-submit"
      testId="staff-edit-form"
      onSubmit={() => form.submit()}
      onCancel={close}
    >
      {current.isPending ? (
        <Spin>
          <div style={{ height: 240 }} />
        </Spin>
      ) : current.isError ? (
        <ErrorAlert error={current.error} onRetry={() => current.refetch()} testId="staff-load-error" />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
          {server.error !== null && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert
                error={server.error}
                extraErrors={server.unmatched}
                testId="staff-form-error"
                onRetry={stale ? reload : undefined}
                retryLabel={stale ? t('common.reload') : undefined}
              />
            </div>
          )}
          <StaffFormFields mode="edit" clinics={clinics} clinicsLoading={clinicsLoading} />
        </Form>
      )}
    </FormModal>
  );
}

/** Disable or re-enable a login: read the current version, then PATCH `active` with If-Match. */
export function useSetStaffActive() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ staff, active }: { staff: Staff; active: boolean }) => {
      const fresh = await unwrap(api.GET('/api/v1/staff/{staffId}', { params: { path: { staffId: staff.id } } }));
      return dataOf(
        api.PATCH('/api/v1/staff/{staffId}', {
          params: { path: { staffId: staff.id }, header: { 'If-Match': etagOf(fresh.etag, fresh.data) } },
          body: { active },
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.staff });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
}
