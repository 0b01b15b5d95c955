import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import { PAGE_SIZE, useCursorList } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { formatDate } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { formatMoney } from '../../components/money';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { couponKeys, currentMonth, type Coupon, type CouponSource, type CouponType } from './couponQueries';

const STATUS_COLORS: Record<Coupon['status'], string> = { ISSUED: 'green', REDEEMED: 'blue', EXPIRED: 'default', VOIDED: 'red' };

/**
 * A customer's coupons (the customer page's tab): status, where they came from, until when; managers and chain
 * admins issue and void them, consultants gift them from their monthly budget (its remainder shown as they do).
 */
export function CustomerCoupons({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const [issuing, setIssuing] = useState(false);
  const [voiding, setVoiding] = useState<Coupon | null>(null);
  const list = useCursorList<Coupon>(couponKeys.ofCustomer(customerId), (cursor) =>
    dataOf(api.GET('/api/v1/coupons', { params: { query: { customerId, limit: PAGE_SIZE, cursor } } })),
  );
  const columns: ColumnsType<Coupon> = [
    { title: t('coupons.field.type'), dataIndex: 'typeName', render: (name: string) => <strong>{name}</strong> },
    { title: t('coupons.col.kind'), dataIndex: 'kind', width: 110, render: (kind: Coupon['kind']) => t(`coupons.kind.${kind}`) },
    { title: t('coupons.col.source'), dataIndex: 'source', width: 120, render: (source: CouponSource) => t(`coupons.source.${source}`) },
    { title: t('coupons.col.expiresAt'), dataIndex: 'expiresAt', width: 120, render: (at: string) => formatDate(at) },
    {
      title: t('coupons.col.status'),
      key: 'status',
      width: 160,
      render: (_, c) => (
        <Flex gap={4} align="center">
          <Tag color={STATUS_COLORS[c.status]} data-testid={`coupon-status-${c.id}`}>
            {t(`coupons.couponStatus.${c.status}`)}
          </Tag>
          {c.status === 'REDEEMED' && formatMoney(c.discount, locale)}
          {c.status === 'ISSUED' && permissions.canIssueCoupons && (
            <Button type="link" size="small" danger onClick={() => setVoiding(c)} data-testid={`void-coupon-${c.id}`}>
              {t('coupons.void')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  const canGive = permissions.canIssueCoupons || permissions.canGiftCoupons;
  const issue = canGive && (
    <Button type="primary" onClick={() => setIssuing(true)} data-testid="issue-coupon">
      {t('coupons.issue')}
    </Button>
  );
  return (
    <div data-testid="customer-coupons">
      <Flex justify="end" style={{ marginBottom: 12 }}>
        {issue}
      </Flex>
      <CursorTable<Coupon> testId="customer-coupons" list={list} columns={columns} emptyText={t('coupons.customerEmpty')} />
      {canGive && <IssueCouponModal customerId={customerId} open={issuing} onClose={() => setIssuing(false)} />}
      <VoidCouponModal coupon={voiding} customerId={customerId} onClose={() => setVoiding(null)} />
    </div>
  );
}

interface IssueValues {
  couponTypeId: string;
  source: CouponSource;
  note?: string;
}

function IssueCouponModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me, permissions } = useMe();
  const [form] = Form.useForm<IssueValues>();
  const write = useKeyedWrite();
  const sources: CouponSource[] = permissions.canIssueCoupons ? ['CAMPAIGN', 'BIRTHDAY', 'CONSULTANT_GIFT'] : ['CONSULTANT_GIFT'];
  const source = (Form.useWatch('source', form) as CouponSource | undefined) ?? sources[0];
  const types = useQuery({
    queryKey: [...couponKeys.types, 'active'],
    enabled: open,
    queryFn: () => dataOf(api.GET('/api/v1/coupons/types', { params: { query: { active: true, limit: 200 } } })),
  });
  const month = currentMonth(me.tenant?.timeZone ?? 'Asia/Shanghai');
  const budget = useQuery({
    queryKey: [...couponKeys.budgets, month, me.staffId],
    enabled: open && source === 'CONSULTANT_GIFT' && !!me.staffId,
    queryFn: () => dataOf(api.GET('/api/v1/coupons/gift-budgets/{staffId}/{month}', { params: { path: { staffId: me.staffId!, month } } })),
  });
  const save = useFormMutation<IssueValues, Coupon>({
    form,
    fields: ['couponTypeId', 'source', 'note'],
    invalidate: [couponKeys.ofCustomer(customerId), couponKeys.budgets],
    onClose,
    mutationFn: (v) => {
      const body = { customerId, couponTypeId: v.couponTypeId, source: v.source, note: v.note || undefined };
      return write(body, (key) => dataOf(api.POST('/api/v1/coupons', { params: { header: { 'Idempotency-Key': key } }, body })));
    },
  });
  return (
    <FormModal open={open} title={t('coupons.issue')} testId="issue-coupon-form" submitTestId="issue-coupon-submit" {...save.modal}>
      <Form<IssueValues> form={form} layout="vertical" initialValues={{ source: sources[0] }} onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="couponTypeId" label={t('coupons.field.type')} rules={[{ required: true, message: t('validation.required', { field: t('coupons.field.type') }) }]}>
          <Select
            loading={types.isPending}
            data-testid="issue-coupon-type"
            options={(types.data?.items ?? []).map((ct: CouponType) => ({ value: ct.id, label: `${ct.name} · ${formatMoney(ct.faceValue, locale)}` }))}
          />
        </Form.Item>
        <Form.Item name="source" label={t('coupons.field.source')}>
          <Select data-testid="issue-coupon-source" options={sources.map((s) => ({ value: s, label: t(`coupons.source.${s}`) }))} />
        </Form.Item>
        {source === 'CONSULTANT_GIFT' && budget.data && (
          <Alert
            type={budget.data.remaining.amount > 0 ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="issue-coupon-budget"
            message={budget.data.amount.amount > 0 ? t('coupons.remainingBudget', { amount: formatMoney(budget.data.remaining, locale) }) : t('coupons.noBudget')}
          />
        )}
        <Form.Item name="note" label={t('coupons.field.note')}>
          <Input maxLength={300} data-testid="issue-coupon-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function VoidCouponModal({ coupon, customerId, onClose }: { coupon: Coupon | null; customerId: string; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<{ reason: string }>();
  const write = useKeyedWrite();
  const save = useFormMutation<{ reason: string }, Coupon>({
    form,
    fields: ['reason'],
    invalidate: [couponKeys.ofCustomer(customerId), couponKeys.budgets],
    onClose,
    mutationFn: ({ reason }) =>
      write({ coupon: coupon!.id, reason }, (key) =>
        dataOf(api.POST('/api/v1/coupons/{couponId}/void', { params: { path: { couponId: coupon!.id }, header: { 'Idempotency-Key': key } }, body: { reason } })),
      ),
  });
  return (
    <FormModal open={coupon !== null} title={t('coupons.voidTitle')} testId="void-coupon-form" submitTestId="void-coupon-submit" danger {...save.modal}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="reason" label={t('coupons.voidReason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('coupons.voidReason') }) }]}>
          <Input maxLength={300} data-testid="void-coupon-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
