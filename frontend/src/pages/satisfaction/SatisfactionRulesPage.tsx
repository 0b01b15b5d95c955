import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { ifMatch, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

type SatisfactionRules = components['schemas']['SatisfactionRules'];
type RulesValues = components['schemas']['SatisfactionRulesUpdate'];

const rulesKey = ['satisfaction', 'rules'] as const;

const FIELDS: { name: (string | number)[]; label: MessageKey; min: number; max: number; testId: string }[] = [
  { name: ['lowScoreMax'], label: 'satisfactionRules.lowScoreMax', min: 1, max: 4, testId: 'satisfaction-low-score' },
  { name: ['lowNpsMax'], label: 'satisfactionRules.lowNpsMax', min: 0, max: 9, testId: 'satisfaction-low-nps' },
  { name: ['linkValidHours'], label: 'satisfactionRules.linkValidHours', min: 1, max: 720, testId: 'satisfaction-link-hours' },
  { name: ['slaHours', 'high'], label: 'satisfactionRules.slaHigh', min: 1, max: 720, testId: 'satisfaction-sla-high' },
  { name: ['slaHours', 'medium'], label: 'satisfactionRules.slaMedium', min: 1, max: 720, testId: 'satisfaction-sla-medium' },
  { name: ['slaHours', 'low'], label: 'satisfactionRules.slaLow', min: 1, max: 720, testId: 'satisfaction-sla-low' },
];

/** The chain's satisfaction rules (tenant admin): what is a low score, how long links live, complaint SLAs. */
export function SatisfactionRulesPage() {
  const { t } = useI18n();
  const api = useApi();
  const rules = useQuery({ queryKey: rulesKey, queryFn: () => unwrap(api.GET('/api/v1/satisfaction/rules')) });
  return (
    <SettingsPage
      title={t('nav.satisfactionRules')}
      testId="satisfaction-rules-page"
      record={rules}
      editor={(record, reload) => <RulesEditor record={record} onReload={reload} />}
    />
  );
}

function RulesEditor({ record, onReload }: { record: Versioned<SatisfactionRules>; onReload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const r = record.data;
  const save = useMutation({
    mutationFn: (body: RulesValues) =>
      unwrap(api.PUT('/api/v1/satisfaction/rules', { params: { header: { 'If-Match': ifMatch(record.data, record.etag) } }, body })),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(rulesKey, result);
    },
    onError: (e) => setFailure(e),
  });
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('satisfactionRules.hint')}</Typography.Paragraph>
      <Form<RulesValues>
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ lowScoreMax: r.lowScoreMax, lowNpsMax: r.lowNpsMax, linkValidHours: r.linkValidHours, slaHours: r.slaHours }}
        onFinish={(v) => save.mutate(v)}
      >
        {FIELDS.map((f) => (
          <Form.Item key={f.testId} name={f.name} label={t(f.label)} rules={[{ required: true, message: t('validation.required', { field: t(f.label) }) }]}>
            <InputNumber min={f.min} max={f.max} precision={0} data-testid={f.testId} style={{ width: 200 }} />
          </Form.Item>
        ))}
        {failure != null && (
          <SaveError
            error={failure}
            testId="satisfaction-rules-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="satisfaction-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
