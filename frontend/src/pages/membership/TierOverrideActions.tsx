import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { keys } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import type { CustomerMembership } from './membershipFields';

interface OverrideValues {
  tierId?: string;
  reason?: string;
  until?: Dayjs;
}

interface EndValues {
  reason?: string;
}

/** The customer's membership read, refreshed after an override starts or ends (with every membership read). */
const MEMBERSHIP_WRITES = [keys.membership];

/** The chain admin's hand on a customer's tier: set one until a date, or end the override she has. */
export function TierOverrideActions({ customerId, membership }: { customerId: string; membership: CustomerMembership }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'set' | 'end' | null>(null);
  return (
    <Space>
      <Button size="small" onClick={() => setOpen('set')} data-testid="tier-override-set">
        {t('membership.setByHand')}
      </Button>
      {membership.override && (
        <Button size="small" danger onClick={() => setOpen('end')} data-testid="tier-override-end">
          {t('membership.endOverride')}
        </Button>
      )}
      <SetTierModal customerId={customerId} open={open === 'set'} onClose={() => setOpen(null)} />
      <EndOverrideModal customerId={customerId} open={open === 'end'} onClose={() => setOpen(null)} />
    </Space>
  );
}

function SetTierModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<OverrideValues>();
  const program = useQuery({
    queryKey: [...keys.membership, 'program'],
    enabled: open,
    queryFn: () => unwrap(api.GET('/api/v1/membership/tiers')),
    staleTime: Infinity,
  });
  const save = useFormMutation<OverrideValues, unknown>({
    form,
    fields: ['tierId', 'reason', 'until'],
    invalidate: MEMBERSHIP_WRITES,
    onClose,
    mutationFn: (v) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/membership/override', {
          params: { path: { customerId } },
          body: { tierId: v.tierId!, reason: v.reason?.trim() ?? '', until: v.until!.endOf('day').format() },
        }),
      ),
  });
  return (
    <FormModal
      open={open}
      title={t('membership.setByHand')}
      testId="tier-override-form"
      submitTestId="tier-override-form-submit"
      loading={program.isPending}
      loadError={program.error}
      onRetryLoad={() => void program.refetch()}
      {...save.modal}
    >
      <Form<OverrideValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="tierId" label={t('membership.tier')} rules={[{ required: true, message: t('membership.tierRequired') }]}>
          <Select
            data-testid="tier-override-tier"
            options={(program.data?.data.tiers ?? []).map((tier) => ({ value: tier.id, label: tier.name, title: tier.name }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('membership.reason')} rules={[{ required: true, whitespace: true, message: t('membership.reasonRequired') }]}>
          <Input.TextArea maxLength={300} rows={2} data-testid="tier-override-reason" />
        </Form.Item>
        <Form.Item name="until" label={t('membership.until')} rules={[{ required: true, message: t('membership.untilRequired') }]}>
          <DatePicker
            data-testid="tier-override-until"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function EndOverrideModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<EndValues>();
  const save = useFormMutation<EndValues, unknown>({
    form,
    fields: ['reason'],
    invalidate: MEMBERSHIP_WRITES,
    onClose,
    mutationFn: (v) =>
      unwrap(
        api.DELETE('/api/v1/customers/{customerId}/membership/override', {
          params: { path: { customerId }, query: { reason: v.reason?.trim() ?? '' } },
        }),
      ),
  });
  return (
    <FormModal
      open={open}
      title={t('membership.endOverride')}
      testId="tier-override-end-form"
      submitTestId="tier-override-end-form-submit"
      submitLabel={t('membership.endOverride')}
      danger
      {...save.modal}
    >
      <Form<EndValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="reason" label={t('membership.reason')} rules={[{ required: true, whitespace: true, message: t('membership.reasonRequired') }]}>
          <Input.TextArea maxLength={300} rows={2} data-testid="tier-override-end-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
