import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import type { components } from '../../api/schema';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import type { CustomerListQuery } from '../customers/CustomerExport';
import { couponKeys } from './couponQueries';

type BulkIssue = components['schemas']['CouponBulkIssue'];
type BulkResult = components['schemas']['CouponBulkResult'];

/**
 * Issues a coupon to every customer the list's search and filters match (the segment, until analytics has its
 * own), for a named campaign: customers who already hold one for it are skipped, and the toast says how many.
 */
export function BulkIssueCoupons({ query }: { query: CustomerListQuery }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BulkIssue>();
  const write = useKeyedWrite();
  const types = useQuery({
    queryKey: [...couponKeys.types, 'active'],
    enabled: open,
    queryFn: () => dataOf(api.GET('/api/v1/coupons/types', { params: { query: { active: true, limit: 200 } } })),
  });
  const save = useFormMutation<BulkIssue, BulkResult>({
    form,
    fields: ['couponTypeId', 'source', 'sourceRef'],
    invalidate: [couponKeys.all],
    onClose: () => setOpen(false),
    onSuccess: (r) => message.success(t('coupons.bulkDone', { issued: r.issued, skipped: r.skipped })),
    mutationFn: (body) =>
      write({ query, ...body }, (key) =>
        dataOf(api.POST('/api/v1/coupons/bulk-issues', { params: { query, header: { 'Idempotency-Key': key } }, body })),
      ),
  });
  const required = (field: 'coupons.field.type' | 'coupons.field.campaign') => [
    { required: true, whitespace: true, message: t('validation.required', { field: t(field) }) },
  ];
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="bulk-issue-coupons">
        {t('coupons.bulkIssue')}
      </Button>
      <FormModal open={open} title={t('coupons.bulkIssue')} testId="bulk-issue-form" submitTestId="bulk-issue-submit" {...save.modal}>
        <Typography.Paragraph type="secondary">{t('coupons.bulkHint')}</Typography.Paragraph>
        <Form<BulkIssue> form={form} layout="vertical" initialValues={{ source: 'CAMPAIGN' }} onFinish={(v) => save.mutation.mutate(v)}>
          <Form.Item name="couponTypeId" label={t('coupons.field.type')} rules={required('coupons.field.type')}>
            <Select loading={types.isPending} data-testid="bulk-issue-type" options={(types.data?.items ?? []).map((ct) => ({ value: ct.id, label: ct.name }))} />
          </Form.Item>
          <Form.Item name="source" label={t('coupons.field.source')}>
            <Select data-testid="bulk-issue-source" options={(['CAMPAIGN', 'BIRTHDAY'] as const).map((s) => ({ value: s, label: t(`coupons.source.${s}`) }))} />
          </Form.Item>
          <Form.Item name="sourceRef" label={t('coupons.field.campaign')} rules={required('coupons.field.campaign')}>
            <Input maxLength={100} data-testid="bulk-issue-campaign" />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
