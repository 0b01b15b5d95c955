import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { applyProblemToForm } from '../../api/formErrors';
import { isApiProblem } from '../../api/problem';
import { ConfirmAction } from '../../components/ConfirmAction';
import { errorText } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useStoredValueRules, walletKeys, type StoredValueDebitOrder, type StoredValueRules } from './walletQueries';

interface RulesValues {
  debitOrder?: StoredValueDebitOrder;
  reminderDays?: number | null;
}

/** The chain's stored-value rules (tenant admin): how a spend splits principal and bonus, the expiry reminder, and expiry now. */
export function StoredValueRulesPage() {
  const { t } = useI18n();
  const rules = useStoredValueRules();
  return (
    <SettingsPage
      title={t('nav.storedValueRules')}
      testId="sv-rules-page"
      record={rules}
      editor={(record, reload) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <RulesEditor record={record} onReload={reload} />
          <ExpiryRun />
        </Space>
      )}
    />
  );
}

function RulesEditor({ record, onReload }: { record: Versioned<StoredValueRules>; onReload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const debitOrder = Form.useWatch('debitOrder', form) ?? record.data.debitOrder;
  const save = useMutation({
    mutationFn: (v: RulesValues) =>
      unwrap(
        api.PUT('/api/v1/stored-value/rules', {
          params: { header: { 'If-Match': ifMatch(record.data, record.etag) } },
          body: { debitOrder: v.debitOrder!, reminderDays: v.reminderDays ?? 0 },
        }),
      ),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(walletKeys.rules, result);
    },
    onError: (e) => {
      const errors = isApiProblem(e) ? e.errors : [];
      const unmatched = applyProblemToForm(form, errors, ['debitOrder', 'reminderDays']);
      setFailure(unmatched.length > 0 || errors.length === 0 || (isApiProblem(e) && e.status !== 400) ? e : null);
    },
  });
  const r = record.data;
  return (
    <Card>
      <Form<RulesValues> form={form} layout="vertical" initialValues={{ debitOrder: r.debitOrder, reminderDays: r.reminderDays }} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 760 }}>
        <Form.Item name="debitOrder" label={t('svRules.debitOrder')} extra={t('svRules.appliesToNew')}>
          <Radio.Group data-testid="sv-rules-debit-order">
            <Space orientation="vertical">
              <Radio value="PRO_RATA">{t('svRules.proRata')}</Radio>
              <Radio value="PRINCIPAL_FIRST">{t('svRules.principalFirst')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Alert
          type={debitOrder === 'PRINCIPAL_FIRST' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="sv-rules-explanation"
          title={t(debitOrder === 'PRINCIPAL_FIRST' ? 'svRules.principalFirstHint' : 'svRules.proRataHint')}
        />
        <Form.Item
          name="reminderDays"
          label={t('svRules.reminderDays')}
          extra={t('svRules.reminderHint')}
          rules={[{ required: true, message: t('validation.required', { field: t('svRules.reminderDays') }) }]}
        >
          <InputNumber min={0} max={365} precision={0} suffix={t('svRules.days')} style={{ width: 200 }} data-testid="sv-rules-reminder" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('svRules.current', { at: formatDateTime(r.updatedAt) })}</Typography.Paragraph>
        {failure != null && (
          <SaveError
            error={failure}
            testId="sv-rules-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sv-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Runs the daily expiry now: due lots' value moves to expired (reactivatable), and what moved is reported. */
function ExpiryRun() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => dataOf(api.POST('/api/v1/stored-value/expiry-runs', { body: {} })),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: walletKeys.all });
      message.success(t('svRules.expiryDone', { accounts: r.accounts, lots: r.lots, principal: formatMoney(r.principal, locale), bonus: formatMoney(r.bonus, locale) }));
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Card title={t('svRules.expiryRun')}>
      <Typography.Paragraph type="secondary">{t('svRules.expiryRunHint')}</Typography.Paragraph>
      <ConfirmAction primary title={t('svRules.runExpiry')} description={t('svRules.runExpiryConfirm')} testId="sv-rules-run-expiry" onConfirm={() => run.mutateAsync().catch(() => undefined)}>
        {t('svRules.runExpiry')}
      </ConfirmAction>
    </Card>
  );
}
