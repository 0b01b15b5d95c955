import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Space, Spin, Switch } from 'antd';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { keys, type Clinic } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useServerErrors } from '../../components/useServerErrors';
import { useI18n } from '../../i18n/I18nProvider';
import {
  blankToNull,
  blankToUndefined,
  CLINIC_FIELDS,
  ClinicFormFields,
  type ClinicFormValues,
} from './ClinicFormFields';

export function AddClinicModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClinicFormValues>();
  const server = useServerErrors(form, CLINIC_FIELDS);

  const create = useMutation({
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
    onMutate: () => server.clear(),
    onSuccess: (clinic) => {
      void queryClient.invalidateQueries({ queryKey: keys.clinics });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
      message.success(t('clinics.created', { name: clinic.name }));
      form.resetFields();
      onClose();
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
      title={t('clinics.form.addTitle')}
      pending={create.isPending}
      submitLabel={t('common.create')}
      submitTestId="clinic-form-submit"
      testId="clinic-form"
      onSubmit={() => form.submit()}
      onCancel={cancel}
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} disabled={create.isPending} preserve={false}>
        {server.error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={server.error} extraErrors={server.unmatched} testId="clinic-form-error" />
          </div>
        )}
        <ClinicFormFields mode="create" />
      </Form>
    </FormModal>
  );
}

/** Edits a clinic with optimistic concurrency: If-Match carries the ETag read when the dialog opened. */
export function EditClinicModal({ clinicId, onClose }: { clinicId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClinicFormValues & { active: boolean }>();
  const server = useServerErrors(form, CLINIC_FIELDS);

  const current = useQuery({
    queryKey: keys.clinic(clinicId ?? ''),
    enabled: clinicId !== null,
    queryFn: () => unwrap(api.GET('/api/v1/clinics/{clinicId}', { params: { path: { clinicId: clinicId! } } })),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    const clinic = current.data?.data;
    if (clinic) {
      form.setFieldsValue({
        code: clinic.code,
        name: clinic.name,
        address: clinic.address ?? '',
        phone: clinic.phone ?? '',
        timeZone: clinic.timeZone,
        active: clinic.active,
      });
    }
  }, [current.data, form]);

  const save = useMutation({
    mutationFn: (values: ClinicFormValues & { active: boolean }) => {
      const loaded = current.data!;
      return dataOf(
        api.PATCH('/api/v1/clinics/{clinicId}', {
          params: { path: { clinicId: clinicId! }, header: { 'If-Match': etagOf(loaded.etag, loaded.data) } },
          body: {
            name: values.name.trim(),
            address: blankToNull(values.address),
            phone: blankToNull(values.phone),
            ...(blankToUndefined(values.timeZone) ? { timeZone: blankToUndefined(values.timeZone) } : {}),
            active: values.active,
          },
        }),
      );
    },
    onMutate: () => server.clear(),
    onSuccess: (clinic) => {
      void queryClient.invalidateQueries({ queryKey: keys.clinics });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
      message.success(t('common.saved'));
      close(clinic);
    },
    onError: server.handle,
  });

  const close = (_?: Clinic) => {
    server.clear();
    onClose();
  };

  const reload = async () => {
    server.clear();
    await current.refetch();
  };

  const stale = isApiProblem(server.error) && server.error.status === 412;

  return (
    <FormModal
      open={clinicId !== null}
      title={t('clinics.form.editTitle')}
      pending={save.isPending}
      submitTestId="clinic-form-submit"
      testId="clinic-edit-form"
      onSubmit={() => form.submit()}
      onCancel={() => close()}
    >
      {current.isPending ? (
        <Spin>
          <div style={{ height: 240 }} />
        </Spin>
      ) : current.isError ? (
        <ErrorAlert error={current.error} onRetry={() => current.refetch()} testId="clinic-load-error" />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
          {server.error !== null && (
            <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
              <ErrorAlert
                error={server.error}
                extraErrors={server.unmatched}
                testId="clinic-form-error"
                onRetry={stale ? reload : undefined}
                retryLabel={stale ? t('common.reload') : undefined}
              />
            </Space>
          )}
          <ClinicFormFields mode="edit" />
          <Form.Item name="active" label={t('clinics.form.active')} valuePropName="checked">
            <Switch data-testid="clinic-form-active" />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
}

/** The ETag from the last read; the version in ETag form if a proxy dropped the header. */
export function etagOf(etag: string | null, resource: { version: number }): string {
  return etag ?? `"${resource.version}"`;
}

/** Close or reopen: read the current version, then PATCH `active` with If-Match. */
export function useSetClinicActive() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ clinic, active }: { clinic: Clinic; active: boolean }) => {
      const fresh = await unwrap(api.GET('/api/v1/clinics/{clinicId}', { params: { path: { clinicId: clinic.id } } }));
      return dataOf(
        api.PATCH('/api/v1/clinics/{clinicId}', {
          params: { path: { clinicId: clinic.id }, header: { 'If-Match': etagOf(fresh.etag, fresh.data) } },
          body: { active },
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.clinics });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

