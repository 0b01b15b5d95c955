import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import type { components } from '../../api/schema';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { segmentKeys } from './segmentQueries';

type CouponIssue = components['schemas']['SegmentCouponIssue'];
type FollowUps = components['schemas']['SegmentFollowUps'];
type FollowUpsForm = Omit<FollowUps, 'dueDate'> & { dueDate?: Dayjs | null };
type ActionResult = components['schemas']['SegmentActionResult'];

interface Target {
  segment: string;
  clinicId?: string;
  /** The segment's member count now, for the confirmation. */
  count: number;
}

const skippedOf = (r: ActionResult) => r.skipped.reduce((sum, s) => sum + s.count, 0);

function required(t: ReturnType<typeof useI18n>['t'], field: MessageKey) {
  return [{ required: true, whitespace: true, message: t('validation.required', { field: t(field) }) }];
}

/** Issues a CAMPAIGN coupon of a type to every member, once per Idempotency-Key; the toast says issued and skipped. */
export function SegmentCoupons({ segment, clinicId, count }: Target) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CouponIssue>();
  const write = useKeyedWrite();
  const types = useQuery({
    queryKey: ['coupons', 'types', 'active'],
    enabled: open,
    queryFn: () => dataOf(api.GET('/api/v1/coupons/types', { params: { query: { active: true, limit: 200 } } })),
  });
  const save = useFormMutation<CouponIssue, ActionResult>({
    form,
    fields: ['couponTypeId', 'campaign', 'note'],
    invalidate: [segmentKeys.all, ['coupons']],
    onClose: () => setOpen(false),
    onSuccess: (r) => message.success(t('segments.coupons.done', { done: r.done, skipped: skippedOf(r) })),
    mutationFn: (body) =>
      write({ segment, clinicId, ...body }, (key) =>
        dataOf(api.POST('/api/v1/analytics/segments/{segment}/coupons', { params: { path: { segment }, query: { clinicId }, header: { 'Idempotency-Key': key } }, body })),
      ),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={count === 0} data-testid="segments-coupons">
        {t('segments.coupons')}
      </Button>
      <FormModal open={open} title={t('segments.coupons')} testId="segment-coupons-form" submitTestId="segment-coupons-submit" {...save.modal}>
        <Typography.Paragraph data-testid="segment-coupons-confirm">{t('segments.coupons.confirm', { count })}</Typography.Paragraph>
        <Form<CouponIssue> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
          <Form.Item name="couponTypeId" label={t('segments.field.couponType')} rules={required(t, 'segments.field.couponType')}>
            <Select loading={types.isPending} data-testid="segment-coupons-type" options={(types.data?.items ?? []).map((ct) => ({ value: ct.id, label: ct.name }))} />
          </Form.Item>
          <Form.Item name="campaign" label={t('segments.field.campaign')} rules={required(t, 'segments.field.campaign')}>
            <Input maxLength={60} data-testid="segment-coupons-campaign" />
          </Form.Item>
          <Form.Item name="note" label={t('segments.field.note')}>
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

/** Opens a follow-up task of a rule for every member, once per Idempotency-Key. */
export function SegmentFollowUps({ segment, clinicId, count }: Target) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FollowUpsForm>();
  const write = useKeyedWrite();
  const rules = useQuery({
    queryKey: ['follow-ups', 'rules', 'enabled'],
    enabled: open,
    queryFn: () => dataOf(api.GET('/api/v1/follow-ups/rules', { params: { query: { enabled: true, limit: 200 } } })),
  });
  const save = useFormMutation<FollowUpsForm, ActionResult>({
    form,
    fields: ['ruleId', 'campaign', 'dueDate'],
    invalidate: [segmentKeys.all, ['follow-ups']],
    onClose: () => setOpen(false),
    onSuccess: (r) => message.success(t('segments.followUps.done', { done: r.done, skipped: skippedOf(r) })),
    mutationFn: (v) => {
      const body: FollowUps = { ruleId: v.ruleId, campaign: v.campaign, dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null };
      return write({ segment, clinicId, ...body }, (key) =>
        dataOf(api.POST('/api/v1/analytics/segments/{segment}/follow-ups', { params: { path: { segment }, query: { clinicId }, header: { 'Idempotency-Key': key } }, body })),
      );
    },
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={count === 0} data-testid="segments-follow-ups">
        {t('segments.followUps')}
      </Button>
      <FormModal open={open} title={t('segments.followUps')} testId="segment-follow-ups-form" submitTestId="segment-follow-ups-submit" {...save.modal}>
        <Typography.Paragraph data-testid="segment-follow-ups-confirm">{t('segments.followUps.confirm', { count })}</Typography.Paragraph>
        <Form<FollowUpsForm> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
          <Form.Item name="ruleId" label={t('segments.field.rule')} rules={required(t, 'segments.field.rule')}>
            <Select loading={rules.isPending} data-testid="segment-follow-ups-rule" options={(rules.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))} />
          </Form.Item>
          <Form.Item name="campaign" label={t('segments.field.campaign')} rules={required(t, 'segments.field.campaign')}>
            <Input maxLength={60} data-testid="segment-follow-ups-campaign" />
          </Form.Item>
          <Form.Item name="dueDate" label={t('segments.field.dueDate')}>
            <DatePicker data-testid="segment-follow-ups-due" />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
