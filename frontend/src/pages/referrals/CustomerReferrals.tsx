import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys } from '../../api/queries';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { inWords, useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { CustomerPicker } from '../customers/CustomerPicker';

type Referee = components['schemas']['ReferralReferee'];
type Reward = components['schemas']['ReferralRewardEarned'];
type ReferrerUpdate = components['schemas']['ReferrerUpdate'];

const referralsKey = (customerId: string) => ['referrals', 'customer', customerId] as const;

/**
 * A customer's referrals: who referred her (and on what evidence), the two levels she brought, her referrals this
 * member year, and the rewards she earned: their kind, and whether they were paid, capped or reversed.
 */
export function CustomerReferrals({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const [setting, setSetting] = useState(false);
  const referrals = useQuery({
    queryKey: referralsKey(customerId),
    queryFn: () => dataOf(api.GET('/api/v1/referrals/customers/{customerId}', { params: { path: { customerId } } })),
  });
  const hasCoupons = referrals.data?.rewards.some((w) => w.kind === 'COUPON') ?? false;
  const couponTypes = useQuery({
    queryKey: ['coupons', 'types', 'all'],
    enabled: hasCoupons,
    queryFn: () => dataOf(api.GET('/api/v1/coupons/types', { params: { query: { limit: 200 } } })),
  });
  if (referrals.error) return <ErrorAlert error={referrals.error} />;
  const r = referrals.data;
  if (!r) return null;
  const node = (c: Referee): DataNode => ({
    key: c.id,
    title: (
      <span data-testid={`referee-${c.id}`}>
        {c.name} {c.countedAt ? <Tag color="green">{t('referrals.counted')}</Tag> : <Tag>{t('referrals.notYet')}</Tag>}
      </span>
    ),
    children: c.referees.map(node),
  });
  const rewardText = (w: Reward): string => {
    switch (w.kind) {
      case 'POINTS':
        return t('referrals.reward.POINTS', { points: w.points ?? 0 });
      case 'COUPON':
        return t('referrals.reward.COUPON', { name: couponTypes.data?.items.find((c) => c.id === w.couponTypeId)?.name ?? '…' });
      case 'STORED_VALUE_BONUS':
        return t('referrals.reward.STORED_VALUE_BONUS', { amount: w.amount ? formatMoney(w.amount, locale) : '' });
    }
  };
  const shortfallText = (w: Reward): string =>
    w.kind === 'STORED_VALUE_BONUS' && w.amount
      ? formatMoney({ amount: w.shortfall ?? 0, currency: w.amount.currency }, locale)
      : String(w.shortfall ?? 0);
  const statusTag = (w: Reward) => {
    if (w.status === 'PAID') return <Tag color="green">{t('referrals.paid')}</Tag>;
    if (w.status === 'CAPPED') return <Tag color="orange">{t(`referrals.capped.${w.cappedBy ?? 'MONTH'}`)}</Tag>;
    return <Tag>{t(`referrals.reversed.${w.kind}`, { shortfall: shortfallText(w) })}</Tag>;
  };
  return (
    <Card
      data-testid="customer-referrals"
      extra={
        permissions.canManageCustomers && (
          <Button onClick={() => setSetting(true)} data-testid="set-referrer">
            {t(r.referrer ? 'referrals.changeReferrer' : 'referrals.setReferrer')}
          </Button>
        )
      }
    >
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('referrals.referrer')}>
          <span data-testid="referrals-referrer">{r.referrer?.name ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('referrals.countedThisYear')}>
          <span data-testid="referrals-counted">{r.countedThisMemberYear}</span>
        </Descriptions.Item>
        {r.referrer?.evidence && (
          <Descriptions.Item label={t('referrals.evidence')}>
            <span data-testid="referrals-evidence">{r.referrer.evidence}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('referrals.memberYearFrom')}>
          {r.memberYearFrom ? formatDateTime(r.memberYearFrom) : t('referrals.noMemberYear')}
        </Descriptions.Item>
      </Descriptions>
      {r.referees.length === 0 ? <Empty description={t('referrals.none')} /> : <Tree defaultExpandAll treeData={r.referees.map(node)} />}
      <Table<Reward>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="referral-rewards"
        dataSource={r.rewards}
        columns={[
          { title: t('referrals.referee'), dataIndex: 'refereeName' },
          { title: t('referrals.level'), dataIndex: 'level' },
          { title: t('referrals.rewardColumn'), key: 'reward', render: (_, w) => <span data-testid="reward-kind">{rewardText(w)}</span> },
          { title: t('referrals.status'), key: 'status', render: (_, w) => <span data-testid="reward-status">{statusTag(w)}</span> },
          { title: t('referrals.paidAt'), dataIndex: 'paidAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <SetReferrerModal customerId={customerId} open={setting} onClose={() => setSetting(false)} />
    </Card>
  );
}

/** Sets or changes her referrer with the evidence for it; the server refuses a cycle (400) and a rewarded referral (409). */
function SetReferrerModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReferrerUpdate>();
  const save = useFormMutation({
    form,
    fields: ['referrerId', 'evidence'],
    invalidate: [referralsKey(customerId), keys.customers, keys.audit],
    mutationFn: (body: ReferrerUpdate) =>
      dataOf(api.PUT('/api/v1/referrals/customers/{customerId}/referrer', { params: { path: { customerId } }, body })),
    fieldErrorsFor: (problem) =>
      problem.status === 409
        ? [{ field: 'referrerId', message: t('referrals.referrerLocked') }]
        : inWords(problem.errors, { referrerId: t('customers.form.referrerInvalid') }),
    onClose,
    onSuccess: (updated) => message.success(t('customers.referrer.attached', { name: updated.referrer?.name ?? '' })),
  });
  return (
    <FormModal
      open={open}
      title={t('referrals.setReferrer')}
      submitLabel={t('common.save')}
      submitTestId="set-referrer-submit"
      testId="set-referrer-form"
      width={520}
      {...save.modal}
    >
      <Typography.Paragraph type="secondary">{t('referrals.setReferrerHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <Form.Item
          name="referrerId"
          label={t('customers.form.referrer')}
          rules={[{ required: true, message: t('validation.required', { field: t('customers.form.referrer') }) }]}
        >
          <CustomerPicker testId="set-referrer-picker" exclude={customerId} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('referrals.evidence')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('referrals.evidence') }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={t('referrals.evidencePlaceholder')} data-testid="set-referrer-evidence" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
