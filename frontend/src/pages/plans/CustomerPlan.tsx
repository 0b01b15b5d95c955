import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { fetchAll, keys } from '../../api/queries';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { MoneyInput } from '../../components/MoneyInput';
import { formatMoney, toMajorUnits, toMinorUnits } from '../../components/money';
import { SaveError } from '../../components/SettingsPage';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { PlanCurve, type CurveData } from './PlanCurve';

type Plan = components['schemas']['TreatmentPlan'];
type Version = NonNullable<components['schemas']['TreatmentPlanVersion']>;
type VersionSummary = components['schemas']['TreatmentPlanVersionSummary'];
type ItemProgress = components['schemas']['TreatmentPlanItemProgress'];
type LineInput = components['schemas']['TreatmentPlanLineInput'];
type Suggestion = components['schemas']['TreatmentPlanSuggestion'];
type Money = components['schemas']['Money'];

/** A line as the editor holds it: the period as `M3` (month 3) or `Q2` (quarter 2), the amount as major-unit text. */
interface LineValues {
  itemId?: string;
  period?: string;
  quantity?: number;
  amount?: string | null;
  note?: string;
  consultationId?: string | null;
  needRank?: number | null;
  concern?: string | null;
}

interface EditorValues {
  lines: LineValues[];
  reason?: string;
}

const planKey = (customerId: string, memberYear: number | undefined) => ['treatment-plan', customerId, memberYear ?? 'current'] as const;

function periodOf(l: { month?: number | null; quarter?: number | null }): string | undefined {
  if (l.month) return `M${l.month}`;
  return l.quarter ? `Q${l.quarter}` : undefined;
}

/** The editor's lines as the API takes them; undefined when an amount is not a valid one (the form says so). */
export function linesToSend(lines: LineValues[], currency: string): LineInput[] {
  return lines.map((l) => {
    const period = l.period ?? '';
    const number = Number(period.slice(1));
    return {
      itemId: l.itemId ?? '',
      ...(period.startsWith('M') ? { month: number } : { quarter: number }),
      quantity: l.quantity ?? 1,
      estimatedAmount: { amount: toMinorUnits(l.amount ?? '0', currency) ?? 0, currency },
      ...(l.note?.trim() ? { note: l.note.trim() } : {}),
      ...(l.consultationId ? { consultationId: l.consultationId } : {}),
      ...(l.consultationId && l.needRank ? { needRank: l.needRank } : {}),
    };
  });
}

/** The cumulative series of the curve, in major units; actuals stop where the months to come begin. */
export function curveData(plan: Plan, labels: { month: (n: number) => string; planned: string; purchased: string; redeemed: string }): CurveData {
  const major = (m: { amount: number; currency: string } | null | undefined) => (m ? Number(toMajorUnits(m.amount, m.currency)) : null);
  return {
    months: plan.curve.map((m) => labels.month(m.month)),
    series: [
      { name: labels.planned, values: plan.curve.map((m) => major(m.plannedCumulative)), dashed: true },
      { name: labels.purchased, values: plan.curve.map((m) => major(m.purchasedCumulative)) },
      { name: labels.redeemed, values: plan.curve.map((m) => major(m.redeemedCumulative)) },
    ],
  };
}

/** A customer's annual treatment plan: the curve, progress by item, the editor and the versions. */
export function CustomerPlan({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const [memberYear, setMemberYear] = useState<number | undefined>(undefined);
  const plan = useQuery({
    queryKey: planKey(customerId, memberYear),
    queryFn: () => unwrap(api.GET('/api/v1/customers/{customerId}/plan', { params: { path: { customerId }, query: { memberYear } } })),
    retry: false,
    // Another year's plan replaces the one shown when it arrives, so the tab does not blank in between.
    placeholderData: (previous) => previous,
  });
  // Her current member year, as the first read (of no year in particular) answered: other years are chosen from it.
  const [currentYear, setCurrentYear] = useState<number | undefined>(undefined);
  const answered = memberYear === undefined ? plan.data?.data.memberYear.number : undefined;
  useEffect(() => {
    if (answered !== undefined) setCurrentYear(answered);
  }, [answered]);
  if (plan.error) {
    if (isApiProblem(plan.error) && plan.error.status === 422) {
      return <Empty data-testid="plan-not-converted" description={t('plans.notConverted')} />;
    }
    return <ErrorAlert error={plan.error} />;
  }
  if (!plan.data) return null;
  const p = plan.data.data;
  const year = p.memberYear;
  const current = currentYear ?? year.number;
  const ended = new Date(year.end).getTime() <= new Date(p.asOf).getTime();
  const years = Array.from({ length: Math.max(current + 1, year.number) }, (_, i) => i + 1);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="customer-plan">
      <Space wrap>
        <Typography.Text>{t('plans.memberYear')}</Typography.Text>
        <Select<number>
          data-testid="plan-member-year"
          value={year.number}
          style={{ minWidth: 320 }}
          onChange={(n) => setMemberYear(n === current ? undefined : n)}
          options={years.map((n) => {
            // Only the year shown has its dates at hand; the others are named by number.
            const label = `${
              n === year.number
                ? t('plans.memberYearOption', { number: n, start: formatDate(year.start), end: formatDate(year.end) })
                : t('plans.memberYearNumber', { number: n })
            }${n === current ? ` · ${t('plans.currentYear')}` : ''}`;
            return { value: n, label, title: label };
          })}
        />
        <Tag data-testid="plan-version">{p.version === 0 ? t('plans.noVersion') : `${t('plans.version')} ${p.version}`}</Tag>
      </Space>
      <Card title={t('plans.curveTitle')}>
        <PlanCurve
          data={curveData(p, {
            month: (n) => t('plans.monthLabel', { month: n }),
            planned: t('plans.series.planned'),
            purchased: t('plans.series.purchased'),
            redeemed: t('plans.series.redeemed'),
          })}
        />
      </Card>
      <ItemsTable items={p.items} />
      {ended ? (
        <Alert type="info" showIcon message={t('plans.ended')} data-testid="plan-ended" />
      ) : (
        permissions.canPlanTreatments && (
          <PlanEditor key={`${year.number}:${p.version}`} customerId={customerId} memberYear={memberYear} plan={p} etag={plan.data.etag} onReload={() => plan.refetch()} />
        )
      )}
      {p.version > 0 && <Versions customerId={customerId} memberYear={memberYear} version={p.version} />}
    </Space>
  );
}

function ItemsTable({ items }: { items: ItemProgress[] }) {
  const { t, locale } = useI18n();
  const money = (m: Money) => formatMoney(m, locale);
  return (
    <Card title={t('plans.itemsTitle')}>
      <Table<ItemProgress>
        rowKey={(i) => i.itemId ?? i.packTemplateId ?? i.name ?? ''}
        size="small"
        pagination={false}
        data-testid="plan-items"
        dataSource={items}
        columns={[
          { title: t('plans.item'), render: (_, i) => (i.packTemplateId ? t('plans.packItem', { name: i.name ?? '' }) : i.name) },
          { title: t('plans.plannedQuantity'), dataIndex: 'plannedQuantity' },
          { title: t('plans.planned'), render: (_, i) => money(i.planned) },
          { title: t('plans.purchased'), render: (_, i) => <span data-testid="plan-item-purchased">{money(i.purchased)}</span> },
          {
            title: t('plans.redeemed'),
            render: (_, i) => `${money(i.redeemed)}${i.redeemedSessions ? ` · ${t('plans.redeemedSessions', { count: i.redeemedSessions })}` : ''}`,
          },
        ]}
      />
    </Card>
  );
}

/** The chain's active items, for the plan's item picker (a plan is not tied to one clinic). */
function useActiveItems() {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.catalog, 'active'],
    queryFn: () => fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/catalog/items', { params: { query: { cursor, limit, active: true } } }))),
  });
}

function PlanEditor({
  customerId,
  memberYear,
  plan,
  etag,
  onReload,
}: {
  customerId: string;
  memberYear: number | undefined;
  plan: Plan;
  etag: string | null;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const items = useActiveItems();
  const currency = plan.curve[0].planned.currency;
  const revising = plan.version > 0;
  const known = (plan.current?.lines ?? []).map((l) => ({ value: l.itemId, label: l.itemName, title: l.itemName }));
  const itemOptions = [
    ...known.filter((k) => !(items.data?.items ?? []).some((i) => i.id === k.value)),
    ...(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name, title: i.name })),
  ];
  const periodOptions = [
    ...plan.curve.map((m) => t('plans.monthOption', { month: m.month, from: formatDate(m.from) })).map((label, i) => ({ value: `M${i + 1}`, label, title: label })),
    ...[1, 2, 3, 4].map((q) => ({ value: `Q${q}`, label: t('plans.quarterOption', { quarter: q }), title: t('plans.quarterOption', { quarter: q }) })),
  ];
  const save = useMutation({
    mutationFn: (v: EditorValues) =>
      unwrap(
        api.PUT('/api/v1/customers/{customerId}/plan', {
          params: { path: { customerId }, query: { memberYear }, header: { 'If-Match': etag ?? `"${plan.version}"` } },
          body: { reason: v.reason?.trim() || undefined, lines: linesToSend(v.lines, currency) },
        }),
      ),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('plans.savedVersion', { version: result.data.version }));
      queryClient.setQueryData(planKey(customerId, memberYear), result);
      void queryClient.invalidateQueries({ queryKey: ['treatment-plan-versions', customerId] });
    },
    onError: (e) => setFailure(e),
  });
  const prefill = useMutation({
    mutationFn: () => dataOf(api.GET('/api/v1/customers/{customerId}/plan/suggestions', { params: { path: { customerId }, query: { memberYear } } })),
    onSuccess: (list) => {
      const lines = form.getFieldValue('lines') as LineValues[];
      const fresh = list.items.filter((s: Suggestion) => !lines.some((l) => l.itemId === s.itemId));
      if (fresh.length === 0) {
        message.info(t('plans.nothingToPrefill'));
        return;
      }
      form.setFieldValue('lines', [
        ...lines,
        ...fresh.map((s) => ({
          itemId: s.itemId,
          period: periodOf(s),
          quantity: s.quantity,
          amount: toMajorUnits(s.estimatedAmount.amount, s.estimatedAmount.currency),
          consultationId: s.consultationId,
          needRank: s.needRank,
          concern: s.concern,
        })),
      ]);
      message.success(t('plans.prefilled', { count: fresh.length }));
    },
    onError: (e) => setFailure(e),
  });
  const initial: LineValues[] = (plan.current?.lines ?? []).map((l) => ({
    itemId: l.itemId,
    period: periodOf(l),
    quantity: l.quantity,
    amount: toMajorUnits(l.estimatedAmount.amount, l.estimatedAmount.currency),
    note: l.note ?? undefined,
    consultationId: l.consultationId,
    needRank: l.needRank,
  }));
  return (
    <Card
      title={t('plans.editorTitle')}
      extra={
        <Button onClick={() => prefill.mutate()} loading={prefill.isPending} data-testid="plan-prefill">
          {t('plans.prefill')}
        </Button>
      }
    >
      <Form<EditorValues> form={form} layout="vertical" initialValues={{ lines: initial }} onFinish={() => save.mutate(form.getFieldsValue(true) as EditorValues)}>
        <Form.List
          name="lines"
          rules={[{ validator: async (_, lines: LineValues[]) => (lines?.length ? undefined : Promise.reject(new Error(t('plans.lineRequired')))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap data-testid={`plan-line-${index}`}>
                  <Form.Item name={[field.name, 'itemId']} label={t('plans.item')} rules={[{ required: true, message: t('validation.required', { field: t('plans.item') }) }]}>
                    <Select<string>
                      style={{ width: 200 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={items.isPending}
                      options={itemOptions}
                      data-testid={`plan-line-item-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'period']} label={t('plans.period')} rules={[{ required: true, message: t('validation.required', { field: t('plans.period') }) }]}>
                    <Select<string> style={{ width: 200 }} options={periodOptions} virtual={false} data-testid={`plan-line-period-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} label={t('plans.quantity')} initialValue={1} rules={[{ required: true, message: t('validation.required', { field: t('plans.quantity') }) }]}>
                    <InputNumber min={1} max={999} precision={0} data-testid={`plan-line-quantity-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} label={t('plans.amount')} rules={[{ required: true, message: t('validation.required', { field: t('plans.amount') }) }]}>
                    <MoneyInput currency={currency} testId={`plan-line-amount-${index}`} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'note']}
                    label={t('plans.note')}
                    extra={form.getFieldValue(['lines', field.name, 'concern']) ? t('plans.fromNeed', { concern: form.getFieldValue(['lines', field.name, 'concern']) }) : undefined}
                  >
                    <Input maxLength={300} style={{ width: 200 }} data-testid={`plan-line-note-${index}`} />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('plans.removeLine')} data-testid={`plan-line-remove-${index}`} />
                  </Form.Item>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} data-testid="plan-add-line" style={{ marginBottom: 16 }}>
                {t('plans.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="reason" label={t('plans.reason')} rules={revising ? [{ required: true, whitespace: true, message: t('plans.reasonRequired') }] : []}>
          <Input maxLength={300} data-testid="plan-reason" />
        </Form.Item>
        {failure != null && (
          <SaveError
            error={failure}
            testId="plan-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-save">
          {t('plans.saveVersion')}
        </Button>
      </Form>
    </Card>
  );
}

function Versions({ customerId, memberYear, version }: { customerId: string; memberYear: number | undefined; version: number }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [open, setOpen] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ['treatment-plan-versions', customerId, memberYear ?? 'current', version],
    queryFn: () => dataOf(api.GET('/api/v1/customers/{customerId}/plan/versions', { params: { path: { customerId }, query: { memberYear } } })),
  });
  const shown = useQuery({
    queryKey: ['treatment-plan-versions', customerId, memberYear ?? 'current', 'version', open],
    enabled: open != null,
    queryFn: () =>
      dataOf(api.GET('/api/v1/customers/{customerId}/plan/versions/{version}', { params: { path: { customerId, version: open ?? 1 }, query: { memberYear } } })),
  });
  if (versions.error) return <ErrorAlert error={versions.error} />;
  return (
    <Card title={t('plans.versionsTitle')}>
      <Table<VersionSummary>
        rowKey="version"
        size="small"
        pagination={false}
        loading={versions.isPending}
        data-testid="plan-versions"
        dataSource={versions.data?.items ?? []}
        columns={[
          { title: t('plans.version'), dataIndex: 'version' },
          { title: t('plans.savedAt'), render: (_, v) => formatDateTime(v.createdAt) },
          { title: t('plans.savedBy'), render: (_, v) => v.createdByName ?? t('common.none') },
          { title: t('plans.reason'), render: (_, v) => <span data-testid="plan-version-reason">{v.reason ?? t('plans.firstDraft')}</span> },
          { title: t('plans.total'), render: (_, v) => formatMoney(v.plannedTotal, locale) },
          { title: t('plans.lineCount'), dataIndex: 'lineCount' },
          {
            title: t('common.actions'),
            render: (_, v) => (
              <Button size="small" onClick={() => setOpen(v.version)} data-testid={`plan-view-version-${v.version}`}>
                {t('plans.viewVersion')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={open != null} title={t('plans.versionTitle', { version: open ?? '' })} footer={null} onCancel={() => setOpen(null)} width={720}>
        {shown.error ? <ErrorAlert error={shown.error} /> : shown.data && <VersionLines version={shown.data} />}
      </Modal>
    </Card>
  );
}

function VersionLines({ version }: { version: Version }) {
  const { t, locale } = useI18n();
  return (
    <Table
      rowKey="lineNo"
      size="small"
      pagination={false}
      data-testid="plan-version-lines"
      dataSource={version.lines}
      columns={[
        { title: t('plans.item'), dataIndex: 'itemName' },
        {
          title: t('plans.period'),
          render: (_, l) => (l.month ? t('plans.monthLabel', { month: l.month }) : t('plans.quarterOption', { quarter: l.quarter ?? 0 })),
        },
        { title: t('plans.quantity'), dataIndex: 'quantity' },
        { title: t('plans.amount'), render: (_, l) => formatMoney(l.estimatedAmount, locale) },
        { title: t('plans.note'), render: (_, l) => l.note ?? t('common.none') },
      ]}
    />
  );
}
