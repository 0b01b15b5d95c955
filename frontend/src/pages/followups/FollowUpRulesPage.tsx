import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { applyProblemToForm } from '../../api/formErrors';
import { isApiProblem } from '../../api/problem';
import { PAGE_SIZE, useCursorList } from '../../api/queries';
import type { components } from '../../api/schema';
import { CursorTable } from '../../components/CursorTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { TRIGGERS, type FollowUpRule, type FollowUpTrigger } from './followUpFields';
import { followUpKeys } from './WorkQueuePage';

type ItemCategory = components['schemas']['ItemCategory'];
const CATEGORIES: ItemCategory[] = ['SKIN', 'INJECTION', 'MINIMALLY_INVASIVE', 'SURGERY', 'OTHER'];

/** What a rule's days mean for its trigger: after the event, before the date, or without a visit. */
function daysMeaning(rule: Pick<FollowUpRule, 'trigger' | 'days'>, t: Translate): string {
  if (rule.trigger === 'AFTER_TREATMENT' || rule.trigger === 'CONSULTATION_NOT_CONVERTED') return t('followUpRules.daysMeaning.after', { days: rule.days });
  if (rule.trigger === 'AT_RISK') return t('followUpRules.daysMeaning.without', { days: rule.days });
  return t('followUpRules.daysMeaning.before', { days: rule.days });
}

/** The chain's follow-up rules (tenant admin): which events and dates make tasks, and when they are due. */
export function FollowUpRulesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useCursorList<FollowUpRule>([...followUpKeys.rules], (cursor) =>
    dataOf(api.GET('/api/v1/follow-ups/rules', { params: { query: { cursor, limit: PAGE_SIZE } } })),
  );
  const toggle = useMutation({
    mutationFn: (rule: FollowUpRule) =>
      dataOf(
        api.PATCH('/api/v1/follow-ups/rules/{ruleId}', {
          params: { path: { ruleId: rule.id }, header: { 'If-Match': ifMatch(rule) } },
          body: { enabled: !rule.enabled },
        }),
      ),
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: followUpKeys.rules });
    },
  });
  // The daily job's work, now: for a rule just added, or a chain that cannot wait for tonight.
  const run = useMutation({
    mutationFn: () => dataOf(api.POST('/api/v1/follow-ups/runs')),
    onSuccess: (result) => {
      message.success(t('followUpRules.ran', { count: result.created }));
      void queryClient.invalidateQueries({ queryKey: followUpKeys.tasks });
    },
  });
  const columns: ColumnsType<FollowUpRule> = [
    { title: t('followUpRules.name'), dataIndex: 'title', key: 'title' },
    { title: t('followUpRules.trigger'), key: 'trigger', render: (_, r) => t(`followUpTrigger.${r.trigger}`) },
    {
      title: t('followUpRules.category'),
      key: 'category',
      render: (_, r) => (r.trigger !== 'AFTER_TREATMENT' ? t('common.none') : r.category ? t(`itemCategory.${r.category}`) : t('followUpRules.allCategories')),
    },
    { title: t('followUpRules.days'), key: 'days', render: (_, r) => daysMeaning(r, t) },
    {
      title: t('followUpRules.enabled'),
      key: 'enabled',
      render: (_, r) => <Switch checked={r.enabled} loading={toggle.isPending && toggle.variables?.id === r.id} onChange={() => toggle.mutate(r)} data-testid={`follow-up-rule-enabled-${r.id}`} />,
    },
  ];
  return (
    <div data-testid="follow-up-rules-page">
      <PageHeader
        title={t('followUpRules.title')}
        extra={
          <Space>
            <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="follow-up-run">
              {t('followUpRules.runNow')}
            </Button>
            <Button type="primary" onClick={() => setAdding(true)} data-testid="follow-up-rule-add">
              {t('followUpRules.add')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('followUpRules.hint')}</Typography.Paragraph>
      {toggle.isError && <ErrorAlert error={toggle.error} testId="follow-up-rule-toggle-error" />}
      {run.isError && <ErrorAlert error={run.error} testId="follow-up-run-error" />}
      <CursorTable testId="follow-up-rules" list={list} columns={columns} emptyText={t('followUpRules.none')} />
      {adding && <AddRuleModal onClose={() => setAdding(false)} />}
    </div>
  );
}

interface RuleValues {
  trigger?: FollowUpTrigger;
  category?: ItemCategory | null;
  days?: number | null;
  title?: string;
}

function AddRuleModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RuleValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const trigger = Form.useWatch('trigger', form);
  const save = useMutation({
    mutationFn: (v: RuleValues) =>
      dataOf(
        api.POST('/api/v1/follow-ups/rules', {
          body: { trigger: v.trigger!, category: v.trigger === 'AFTER_TREATMENT' ? (v.category ?? undefined) : undefined, days: v.days ?? 0, title: v.title ?? '' },
        }),
      ),
    onMutate: () => setFailure(null),
    onSuccess: (rule) => {
      message.success(t('followUpRules.added', { name: rule.title }));
      void queryClient.invalidateQueries({ queryKey: followUpKeys.rules });
      onClose();
    },
    onError: (e) => {
      const unmatched = isApiProblem(e) ? applyProblemToForm(form, e.errors, ['trigger', 'category', 'days', 'title']) : [];
      setFailure(!isApiProblem(e) || unmatched.length > 0 || e.errors.length === 0 ? e : null);
    },
  });
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Modal open title={t('followUpRules.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending, 'data-testid': 'follow-up-rule-save' } as ButtonProps} destroyOnHidden>
      {failure !== null && <ErrorAlert error={failure} testId="follow-up-rule-error" />}
      <Form<RuleValues> form={form} layout="vertical" initialValues={{ days: 1 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="trigger" label={t('followUpRules.trigger')} rules={required(t('followUpRules.trigger'))}>
          <Select data-testid="follow-up-rule-trigger" options={TRIGGERS.map((x) => ({ value: x, label: t(`followUpTrigger.${x}`), title: t(`followUpTrigger.${x}`) }))} />
        </Form.Item>
        {trigger === 'AFTER_TREATMENT' && (
          <Form.Item name="category" label={t('followUpRules.category')}>
            <Select allowClear placeholder={t('followUpRules.allCategories')} options={CATEGORIES.map((c) => ({ value: c, label: t(`itemCategory.${c}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="days" label={t('followUpRules.days')} rules={required(t('followUpRules.days'))}>
          <InputNumber min={0} max={730} precision={0} data-testid="follow-up-rule-days" />
        </Form.Item>
        <Form.Item name="title" label={t('followUpRules.name')} rules={[...required(t('followUpRules.name')), { max: 100 }]}>
          <Input data-testid="follow-up-rule-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
