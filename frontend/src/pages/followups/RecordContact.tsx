import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useMyClinics } from '../visits/useClinics';
import { ContactFields, type FollowUpOutcome, type TouchpointChannel } from './followUpFields';

interface ContactValues {
  clinicId?: string;
  channel?: TouchpointChannel;
  outcome?: FollowUpOutcome;
  note?: string;
}

/** "Record contact" on the customer's page: a call, message, visit or gift, which shows on her timeline. */
export function RecordContact({ customerId, homeClinicId }: { customerId: string; homeClinicId?: string | null }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const clinics = useMyClinics();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ContactValues>();
  const save = useMutation({
    mutationFn: (v: ContactValues) =>
      dataOf(api.POST('/api/v1/follow-ups/touchpoints', { body: { customerId, clinicId: v.clinicId!, channel: v.channel!, outcome: v.outcome, note: v.note || undefined } })),
    onSuccess: () => {
      message.success(t('contact.recorded'));
      void queryClient.invalidateQueries({ queryKey: keys.timeline });
      setOpen(false);
    },
  });
  const defaultClinic = clinics.open.find((c) => c.id === homeClinicId)?.id ?? clinics.open[0]?.id;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="record-contact">
        {t('contact.record')}
      </Button>
      {open && (
        <Modal open title={t('contact.title')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending, 'data-testid': 'contact-save' } as ButtonProps} destroyOnHidden>
          {save.isError && <ErrorAlert error={save.error} testId="contact-error" />}
          <Form<ContactValues> form={form} layout="vertical" initialValues={{ channel: 'CALL', clinicId: defaultClinic }} onFinish={(v) => save.mutate(v)}>
            <Form.Item name="clinicId" label={t('contact.clinic')} rules={[{ required: true, message: t('validation.required', { field: t('contact.clinic') }) }]}>
              <Select data-testid="contact-clinic" options={clinics.open.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <ContactFields outcomeRequired={false} testId="contact" />
          </Form>
        </Modal>
      )}
    </>
  );
}
