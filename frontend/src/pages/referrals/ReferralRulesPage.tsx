import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { ifMatch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';

type ReferralRules = components['schemas']['ReferralRules'];

const rulesKey = ['referrals', 'rules'] as const;

interface RulesValues {
  level1Points?: number | null;
  level2Points?: number | null;
  minimumSpend?: number | null;
  monthlyCap?: number | null;
}

/** The chain's referral rules (tenant admin): points for the referrer and her referrer; nothing deeper, by law. */
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
            level1: { kind: 'POINTS', points: v.level1Points ?? 0 },
            level2: v.level2Points ? { kind: 'POINTS', points: v.level2Points } : null,
            minimumSpend: { amount: toMinorUnits(v.minimumSpend ?? 0, currency) ?? 0, currency },
            monthlyCap: v.monthlyCap ?? null,
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
        style={{ maxWidth: 560 }}
        initialValues={{
          level1Points: r.level1?.points,
          level2Points: r.level2?.points,
          minimumSpend: Number(toMajorUnits(r.minimumSpend.amount, currency)),
          monthlyCap: r.monthlyCap,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="level1Points" label={t('referralRules.level1')} rules={[{ required: true, message: t('validation.required', { field: t('referralRules.level1') }) }]}>
          <InputNumber min={1} precision={0} data-testid="referral-level1" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="level2Points" label={t('referralRules.level2')} extra={t('referralRules.level2Hint')}>
          <InputNumber min={1} precision={0} data-testid="referral-level2" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="minimumSpend" label={t('referralRules.minimumSpend')}>
          <InputNumber min={0} precision={2} data-testid="referral-minimum" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="monthlyCap" label={t('referralRules.monthlyCap')}>
          <InputNumber min={1} max={10000} precision={0} data-testid="referral-cap" style={{ width: 200 }} />
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
