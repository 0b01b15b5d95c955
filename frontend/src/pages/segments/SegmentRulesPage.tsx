import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { ifMatch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { MoneyInput } from '../../components/MoneyInput';
import { toMajorUnits, toMinorUnits } from '../../components/money';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { segmentKeys, useSegmentRules } from './segmentQueries';

type SegmentRules = components['schemas']['SegmentRules'];
type RulesUpdate = components['schemas']['SegmentRulesUpdate'];
type RulesForm = Omit<RulesUpdate, 'highValueSpend'> & { highValueSpend: string | null };

const WHOLE: { name: keyof Omit<RulesUpdate, 'highValueSpend'>; label: MessageKey; min: number; max: number; testId: string }[] = [
  { name: 'newWithinDays', label: 'segmentRules.newWithinDays', min: 1, max: 365, testId: 'segment-rules-new-days' },
  { name: 'highValueScore', label: 'segmentRules.highValueScore', min: 0, max: 100, testId: 'segment-rules-high-score' },
  { name: 'loyalMemberYears', label: 'segmentRules.loyalMemberYears', min: 1, max: 50, testId: 'segment-rules-loyal-years' },
  { name: 'loyalVisits', label: 'segmentRules.loyalVisits', min: 0, max: 366, testId: 'segment-rules-loyal-visits' },
];

/** The chain's built-in segment definitions (tenant admin), saved under If-Match. */
export function SegmentRulesPage() {
  const { t } = useI18n();
  const rules = useSegmentRules();
  return (
    <SettingsPage
      title={t('nav.segmentRules')}
      testId="segment-rules-page"
      record={rules}
      editor={(record, reload) => <RulesEditor record={record} onReload={reload} />}
    />
  );
}

function RulesEditor({ record, onReload }: { record: Versioned<SegmentRules>; onReload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const r = record.data;
  const currency = r.highValueSpend.currency;
  const save = useMutation({
    mutationFn: (v: RulesForm) => {
      const body: RulesUpdate = { ...v, highValueSpend: { amount: toMinorUnits(v.highValueSpend ?? '0', currency) ?? 0, currency } };
      return unwrap(api.PUT('/api/v1/analytics/segments/rules', { params: { header: { 'If-Match': ifMatch(record.data, record.etag) } }, body }));
    },
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(segmentKeys.rules, result);
      void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
    },
    onError: (e) => setFailure(e),
  });
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('segmentRules.hint')}</Typography.Paragraph>
      <Form<RulesForm>
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{
          newWithinDays: r.newWithinDays,
          highValueSpend: toMajorUnits(r.highValueSpend.amount, currency),
          highValueScore: r.highValueScore,
          loyalMemberYears: r.loyalMemberYears,
          loyalVisits: r.loyalVisits,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="highValueSpend" label={t('segmentRules.highValueSpend')} rules={[{ required: true, message: t('validation.required', { field: t('segmentRules.highValueSpend') }) }]}>
          <MoneyInput currency={currency} testId="segment-rules-high-spend" style={{ width: 200 }} />
        </Form.Item>
        {WHOLE.map((f) => (
          <Form.Item key={f.testId} name={f.name} label={t(f.label)} rules={[{ required: true, message: t('validation.required', { field: t(f.label) }) }]}>
            <InputNumber min={f.min} max={f.max} precision={0} data-testid={f.testId} style={{ width: 200 }} />
          </Form.Item>
        ))}
        {failure != null && (
          <SaveError
            error={failure}
            testId="segment-rules-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="segment-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
