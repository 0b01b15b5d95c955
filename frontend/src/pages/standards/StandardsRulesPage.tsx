import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Divider, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { ifMatch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { MEASURES, MEASURE_LABELS, type Measure } from './MemberStandards';

type Rules = components['schemas']['MemberStandardsRules'];
type RulesUpdate = components['schemas']['MemberStandardsRulesUpdate'];

const rulesKey = ['standards', 'rules'] as const;

/** The form's values: the spend target in major units, every other figure as the API takes it. */
export interface RulesValues {
  spend: number;
  items: number;
  visits: number;
  referrals: number;
  satisfaction: number;
  weights: Record<Measure, number>;
}

export function toValues(r: Rules): RulesValues {
  return {
    spend: Number(toMajorUnits(r.targets.spend.amount, r.targets.spend.currency)),
    items: r.targets.items,
    visits: r.targets.visits,
    referrals: r.targets.referrals,
    satisfaction: r.targets.satisfaction,
    weights: r.weights,
  };
}

export function toUpdate(v: RulesValues, currency: string): RulesUpdate {
  return {
    targets: {
      spend: { amount: toMinorUnits(v.spend, currency) ?? 0, currency },
      items: v.items,
      visits: v.visits,
      referrals: v.referrals,
      satisfaction: v.satisfaction,
    },
    weights: v.weights,
  };
}

/** The chain's five-standard targets and weights (tenant admin). */
export function StandardsRulesPage() {
  const { t } = useI18n();
  const api = useApi();
  const rules = useQuery({ queryKey: rulesKey, queryFn: () => unwrap(api.GET('/api/v1/analytics/standards/rules')) });
  return (
    <SettingsPage
      title={t('nav.standardsRules')}
      testId="standards-rules-page"
      record={rules}
      editor={(record, reload) => <RulesEditor record={record} onReload={reload} />}
    />
  );
}

function RulesEditor({ record, onReload }: { record: Versioned<Rules>; onReload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const currency = record.data.targets.spend.currency;
  const save = useMutation({
    mutationFn: (body: RulesUpdate) =>
      unwrap(api.PUT('/api/v1/analytics/standards/rules', { params: { header: { 'If-Match': ifMatch(record.data, record.etag) } }, body })),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(rulesKey, result);
      void queryClient.invalidateQueries({ queryKey: ['member-standards'] });
      void queryClient.invalidateQueries({ queryKey: ['standards'], predicate: (q) => q.queryKey[1] !== 'rules' });
    },
    onError: (e) => setFailure(e),
  });
  const required = (label: string) => [{ required: true, message: t('validation.required', { field: label }) }];
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('standardsRules.hint')}</Typography.Paragraph>
      <Form<RulesValues> layout="vertical" style={{ maxWidth: 560 }} initialValues={toValues(record.data)} onFinish={(v) => save.mutate(toUpdate(v, currency))}>
        <Divider titlePlacement="start">{t('standardsRules.targets')}</Divider>
        <Form.Item name="spend" label={t('standardsRules.spendTarget')} rules={required(t('standardsRules.spendTarget'))}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="standards-target-spend" />
        </Form.Item>
        {(['items', 'visits', 'referrals'] as const).map((m) => (
          <Form.Item key={m} name={m} label={t(MEASURE_LABELS[m])} rules={required(t(MEASURE_LABELS[m]))}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 200 }} data-testid={`standards-target-${m}`} />
          </Form.Item>
        ))}
        <Form.Item name="satisfaction" label={t('standardsRules.satisfactionTarget')} rules={required(t('standardsRules.satisfactionTarget'))}>
          <InputNumber min={0.01} max={5} step={0.1} precision={2} style={{ width: 200 }} data-testid="standards-target-satisfaction" />
        </Form.Item>
        <Divider titlePlacement="start">{t('standardsRules.weights')}</Divider>
        {MEASURES.map((m) => (
          <Form.Item key={m} name={['weights', m]} label={t(MEASURE_LABELS[m])} rules={required(t(MEASURE_LABELS[m]))}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 200 }} data-testid={`standards-weight-${m}`} />
          </Form.Item>
        ))}
        {failure != null && (
          <SaveError
            error={failure}
            testId="standards-rules-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="standards-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
