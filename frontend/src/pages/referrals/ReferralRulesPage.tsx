import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';

type ReferralRules = components['schemas']['ReferralRules'];
type Reward = components['schemas']['ReferralRulesUpdate']['level1'];
type RewardKind = components['schemas']['ReferralRewardKind'];

const rulesKey = ['referrals', 'rules'] as const;
const KINDS: RewardKind[] = ['POINTS', 'COUPON', 'STORED_VALUE_BONUS'];

/** One level's reward as the form holds it: the kind and its parameter (bonus in yuan); no kind = no reward. */
interface LevelValues {
  kind?: RewardKind;
  points?: number | null;
  couponTypeId?: string;
  amount?: number | null;
}

interface RulesValues {
  level1: LevelValues;
  level2: LevelValues;
  minimumSpend?: number | null;
  monthlyCap?: number | null;
  memberYearCap?: number | null;
}

/** The reward the API takes: only its kind's parameter. */
function rewardOf(level: LevelValues, currency: string): Reward | null {
  switch (level.kind) {
    case 'POINTS':
      return { kind: 'POINTS', points: level.points ?? 0 };
    case 'COUPON':
      return { kind: 'COUPON', couponTypeId: level.couponTypeId ?? '' };
    case 'STORED_VALUE_BONUS':
      return { kind: 'STORED_VALUE_BONUS', amount: { amount: toMinorUnits(level.amount ?? 0, currency) ?? 0, currency } };
    default:
      return null;
  }
}

function levelOf(reward: ReferralRules['level1'], currency: string): LevelValues {
  if (!reward) return {};
  return {
    kind: reward.kind,
    points: reward.points,
    couponTypeId: reward.couponTypeId ?? undefined,
    amount: reward.amount ? Number(toMajorUnits(reward.amount.amount, currency)) : null,
  };
}

/**
 * The chain's referral rules (tenant admin): points, a coupon or stored-value bonus for the referrer and her referrer;
 * nothing deeper, by law; caps per month and per member year.
 */
export function ReferralRulesPage() {
  const { t } = useI18n();
  const api = useApi();
  const rules = useQuery({ queryKey: rulesKey, queryFn: () => unwrap(api.GET('/api/v1/referrals/rules')) });
  return (
    <SettingsPage
      title={t('nav.referralRules')}
      testId="referral-rules-page"
      record={rules}
      editor={(record, reload) => <RulesEditor record={record} onReload={reload} />}
    />
  );
}

function RulesEditor({ record, onReload }: { record: Versioned<ReferralRules>; onReload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const r = record.data;
  const currency = r.minimumSpend.currency;
  const save = useMutation({
    mutationFn: (v: RulesValues) =>
      unwrap(
        api.PUT('/api/v1/referrals/rules', {
          params: { header: { 'If-Match': ifMatch(record.data, record.etag) } },
          body: {
            level1: rewardOf(v.level1, currency),
            level2: rewardOf(v.level2, currency),
            minimumSpend: { amount: toMinorUnits(v.minimumSpend ?? 0, currency) ?? 0, currency },
            monthlyCap: v.monthlyCap ?? null,
            memberYearCap: v.memberYearCap ?? null,
          },
        }),
      ),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(rulesKey, result);
    },
    onError: (e) => setFailure(e),
  });
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('referralRules.hint')}</Typography.Paragraph>
      <Form<RulesValues>
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{
          level1: levelOf(r.level1, currency),
          level2: levelOf(r.level2, currency),
          minimumSpend: Number(toMajorUnits(r.minimumSpend.amount, currency)),
          monthlyCap: r.monthlyCap,
          memberYearCap: r.memberYearCap,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <LevelFields level="level1" label={t('referralRules.level1')} required />
        <LevelFields level="level2" label={t('referralRules.level2')} extra={t('referralRules.level2Hint')} />
        <Form.Item name="minimumSpend" label={t('referralRules.minimumSpend')}>
          <InputNumber min={0} precision={2} data-testid="referral-minimum" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="monthlyCap" label={t('referralRules.monthlyCap')}>
          <InputNumber min={1} max={10000} precision={0} data-testid="referral-cap" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="memberYearCap" label={t('referralRules.memberYearCap')}>
          <InputNumber min={1} max={10000} precision={0} data-testid="referral-year-cap" style={{ width: 200 }} />
        </Form.Item>
        {failure != null && (
          <SaveError
            error={failure}
            testId="referral-rules-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="referral-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** A level's reward: the kind, then only that kind's parameter. */
function LevelFields({ level, label, required = false, extra }: { level: 'level1' | 'level2'; label: string; required?: boolean; extra?: string }) {
  const { t } = useI18n();
  const api = useApi();
  const kind = Form.useWatch([level, 'kind'], Form.useFormInstance<RulesValues>());
  const types = useQuery({
    queryKey: ['coupons', 'types', 'active'],
    enabled: kind === 'COUPON',
    queryFn: () => dataOf(api.GET('/api/v1/coupons/types', { params: { query: { active: true, limit: 200 } } })),
  });
  const needed = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Space align="start" wrap>
      <Form.Item name={[level, 'kind']} label={label} extra={extra} rules={required ? needed(label) : []}>
        <Select<RewardKind>
          allowClear={!required}
          placeholder={t('referralRules.noReward')}
          style={{ width: 200 }}
          data-testid={`referral-${level}-kind`}
          options={KINDS.map((k) => ({ value: k, label: t(`referrals.kind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'POINTS' && (
        <Form.Item name={[level, 'points']} label={t('referralRules.points')} rules={needed(t('referralRules.points'))}>
          <InputNumber min={1} max={10000000} precision={0} data-testid={`referral-${level}-points`} style={{ width: 160 }} />
        </Form.Item>
      )}
      {kind === 'COUPON' && (
        <Form.Item name={[level, 'couponTypeId']} label={t('referralRules.couponType')} rules={needed(t('referralRules.couponType'))}>
          <Select<string>
            loading={types.isPending}
            style={{ width: 240 }}
            data-testid={`referral-${level}-coupon`}
            options={(types.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      )}
      {kind === 'STORED_VALUE_BONUS' && (
        <Form.Item name={[level, 'amount']} label={t('referralRules.bonus')} rules={needed(t('referralRules.bonus'))}>
          <InputNumber min={0.01} max={1000000} precision={2} data-testid={`referral-${level}-amount`} style={{ width: 160 }} />
        </Form.Item>
      )}
    </Space>
  );
}
