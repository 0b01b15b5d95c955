import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Progress, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { applyProblemToForm, type FieldPath } from '../../api/formErrors';
import { isApiProblem, type FieldError } from '../../api/problem';
import { keys, PAGE_SIZE, useCursorList } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { formatMoney, toMajorUnits } from '../../components/money';
import { minorOf, MoneyInput } from '../../components/MoneyInput';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ITEM_CATEGORIES, type ItemCategory } from '../catalog/catalogFields';
import {
  BASES,
  isRunning,
  PERK_CODES,
  REVIEW_RULES,
  type MembershipJob,
  type MembershipPreview,
  type MembershipProgram,
  type MembershipProgramInput,
  type PerkCode,
} from './membershipFields';

/** A mover as a row of the cursor table (keyed by the customer). */
type Mover = MembershipPreview['movers'][number] & { id: string };
/** A page of the preview: the counts, and its movers as the table's items. */
type PreviewPage = MembershipPreview & { items: Mover[] };

interface TierValues {
  id?: string;
  name?: string;
  threshold?: string | null;
  discountPercent?: number | null;
  categoryDiscounts?: Partial<Record<ItemCategory, number | null>>;
  pointsMultiplier?: number | null;
  perks?: { code?: PerkCode; description?: string }[];
}
interface ProgramValues {
  basis?: MembershipProgram['basis'];
  reviewRule?: MembershipProgram['reviewRule'];
  tiers?: TierValues[];
}

function toValues(p: MembershipProgram): ProgramValues {
  return {
    basis: p.basis,
    reviewRule: p.reviewRule,
    tiers: p.tiers.map((tier) => ({
      id: tier.id,
      name: tier.name,
      threshold: toMajorUnits(tier.threshold.amount, tier.threshold.currency),
      discountPercent: tier.benefits.discountPercent,
      categoryDiscounts: tier.benefits.categoryDiscounts,
      pointsMultiplier: tier.benefits.pointsMultiplier,
      perks: tier.benefits.perks,
    })),
  };
}

/** The program the form describes, in the API's terms (undefined while an amount is not a valid one). */
export function programInput(v: ProgramValues, currency: string): MembershipProgramInput | undefined {
  const tiers: MembershipProgramInput['tiers'] = [];
  for (const tier of v.tiers ?? []) {
    const threshold = minorOf(tier.threshold, currency);
    if (threshold === undefined) return undefined;
    const categoryDiscounts = Object.fromEntries(
      Object.entries(tier.categoryDiscounts ?? {}).filter((e): e is [string, number] => e[1] != null),
    );
    tiers.push({
      ...(tier.id ? { id: tier.id } : {}),
      name: tier.name?.trim() ?? '',
      threshold: { amount: threshold, currency },
      benefits: {
        discountPercent: tier.discountPercent ?? 0,
        categoryDiscounts,
        pointsMultiplier: tier.pointsMultiplier ?? 1,
        perks: (tier.perks ?? []).map((p) => ({ code: p.code ?? 'OTHER', description: p.description?.trim() ?? '' })),
      },
    });
  }
  return { basis: v.basis ?? 'LIFETIME', reviewRule: v.reviewRule ?? 'AT_MEMBER_YEAR_END', tiers };
}

/** The server names a threshold's amount (`tiers[1].threshold.amount`); the form has the threshold. */
function onFormFields(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field.replace(/\.threshold\.amount$/, '.threshold') }));
}

/**
 * The chain's membership tiers (tenant admin): ordered tiers with thresholds and benefits, the basis and the
 * downgrade review rule. A change is previewed first (who would move up or down per tier, and who), then
 * applied with If-Match; the re-evaluation of every customer it starts is followed until it is done.
 */
export function TierSettingsPage() {
  const { t } = useI18n();
  const api = useApi();
  const program = useQuery({
    queryKey: [...keys.membership, 'program'],
    queryFn: () => unwrap(api.GET('/api/v1/membership/tiers')),
    staleTime: Infinity,
  });
  return (
    <SettingsPage
      title={t('nav.tierSettings')}
      testId="tier-settings-page"
      record={program}
      editor={(record, reload) => <TierEditor record={record} onReload={reload} />}
    />
  );
}

function TierEditor({ record, onReload }: { record: Versioned<MembershipProgram>; onReload: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const currency = me.tenant?.currency ?? 'CNY';
  const [form] = Form.useForm<ProgramValues>();
  const initial = toValues(record.data);
  const [values, setValues] = useState<ProgramValues>(initial);
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; unmatched: FieldError[] } | null>(null);
  // The re-evaluation this program's last change started, while it runs (saving remounts the editor with it).
  const [job] = useState<MembershipJob | null>(isRunning(record.data.reevaluationJob) ? record.data.reevaluationJob : null);
  const body = programInput(values, currency);
  const bodyKey = body ? JSON.stringify(body) : null;
  const previewed = previewedFor !== null && previewedFor === bodyKey;

  const tierFields = (values.tiers ?? []).flatMap((tier, i) => [
    ['tiers', i, 'name'],
    ['tiers', i, 'threshold'],
    ['tiers', i, 'discountPercent'],
    ['tiers', i, 'pointsMultiplier'],
    ...ITEM_CATEGORIES.map((c) => ['tiers', i, 'categoryDiscounts', c]),
    ...(tier.perks ?? []).flatMap((_, j) => [
      ['tiers', i, 'perks', j, 'code'],
      ['tiers', i, 'perks', j, 'description'],
    ]),
  ]);
  const fields: FieldPath[] = ['basis', 'reviewRule', 'tiers', ...tierFields];
  const fail = (e: unknown) => {
    const unmatched = isApiProblem(e) ? applyProblemToForm(form, onFormFields(e.errors), fields) : [];
    setFailure({ error: e, unmatched });
  };

  // The movers of the previewed program, page by page (the counts come with every page).
  const preview = useCursorList<Mover>([...keys.membership, 'preview', previewedFor], async (cursor): Promise<PreviewPage> => {
    const page = await dataOf(
      api.POST('/api/v1/membership/tiers/preview', {
        params: { query: { limit: PAGE_SIZE, cursor } },
        body: JSON.parse(previewedFor!) as MembershipProgramInput,
      }),
    );
    return { ...page, items: page.movers.map((m) => ({ ...m, id: m.customerId })) };
  }, { enabled: previewedFor !== null });
  const counts = preview.query.data?.pages[0] as PreviewPage | undefined;
  const previewError = previewedFor !== null && preview.query.isError && !counts ? preview.query.error : null;
  // A preview the server refused (thresholds out of order): its field errors go onto the form.
  useEffect(() => {
    if (previewError) fail(previewError);
    // fail only places the errors; the error is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewError]);

  const runPreview = async () => {
    setFailure(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const key = JSON.stringify(programInput(form.getFieldsValue(true) as ProgramValues, currency));
    if (key === previewedFor) void preview.query.refetch();
    else setPreviewedFor(key);
  };

  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/membership/tiers', {
          params: { header: { 'If-Match': ifMatch(record.data, record.etag) } },
          body: JSON.parse(previewedFor!) as MembershipProgramInput,
        }),
      ),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.customers });
      queryClient.setQueryData([...keys.membership, 'program'], result);
    },
    onError: fail,
  });

  return (
    <>
      {job && <JobProgress job={job} />}
      <Form<ProgramValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => setValues(form.getFieldsValue(true) as ProgramValues)}
      >
        <Card title={t('tiers.rules')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="basis" label={t('tiers.basis')} extra={t(`tiers.basisHint.${values.basis ?? 'LIFETIME'}`)}>
                <Select data-testid="tiers-basis" options={BASES.map((b) => ({ value: b, label: t(`membershipBasis.${b}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="reviewRule" label={t('tiers.reviewRule')} extra={t('tiers.reviewRuleHint')}>
                <Select data-testid="tiers-review" options={REVIEW_RULES.map((r) => ({ value: r, label: t(`membershipReviewRule.${r}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Form.List name="tiers">
          {(tierFields, { add, remove, move }) => (
            <>
              {tierFields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginTop: 16 }}
                  data-testid={`tier-${i}`}
                  title={t('tiers.tierN', { n: i + 1, name: values.tiers?.[i]?.name ?? '' })}
                  extra={
                    <Space>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('tiers.up')} />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === tierFields.length - 1}
                        onClick={() => move(i, i + 1)}
                        aria-label={t('tiers.down')}
                      />
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid={`tier-remove-${i}`}>
                        {t('tiers.remove')}
                      </Button>
                    </Space>
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('tiers.name')}
                        rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('tiers.name') }) }]}
                      >
                        <Input maxLength={40} data-testid={`tier-name-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'threshold']}
                        label={t('tiers.threshold', { currency })}
                        rules={[{ required: true, message: t('validation.required', { field: t('tiers.thresholdLabel') }) }]}
                      >
                        <MoneyInput currency={currency} testId={`tier-threshold-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'discountPercent']} label={t('tiers.discount')}>
                        <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} data-testid={`tier-discount-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'pointsMultiplier']} label={t('membership.multiplier')}>
                        <InputNumber min={1} max={10} precision={2} prefix="×" style={{ width: '100%' }} data-testid={`tier-multiplier-${i}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Typography.Text type="secondary">{t('tiers.categoryHint')}</Typography.Text>
                  <Row gutter={12} style={{ marginTop: 4 }}>
                    {ITEM_CATEGORIES.map((c) => (
                      <Col xs={12} md={4} key={c}>
                        <Form.Item name={[field.name, 'categoryDiscounts', c]} label={t(`itemCategory.${c}`)}>
                          <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                  <Form.List name={[field.name, 'perks']}>
                    {(perkFields, perks) => (
                      <>
                        <Typography.Text strong>{t('membership.perks')}</Typography.Text>
                        {perkFields.map((perk) => (
                          <Row gutter={8} key={perk.key} style={{ marginTop: 8 }}>
                            <Col xs={10} md={6}>
                              <Form.Item name={[perk.name, 'code']} rules={[{ required: true, message: t('tiers.perkRequired') }]} style={{ marginBottom: 0 }}>
                                <Select options={PERK_CODES.map((p) => ({ value: p, label: t(`perk.${p}`) }))} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={16}>
                              <Form.Item
                                name={[perk.name, 'description']}
                                rules={[{ required: true, whitespace: true, message: t('tiers.perkDescriptionRequired') }]}
                                style={{ marginBottom: 0 }}
                              >
                                <Input maxLength={200} placeholder={t('tiers.perkDescription')} />
                              </Form.Item>
                            </Col>
                            <Col span={2}>
                              <Button type="text" icon={<DeleteOutlined />} onClick={() => perks.remove(perk.name)} aria-label={t('tiers.removePerk')} />
                            </Col>
                          </Row>
                        ))}
                        <Button size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => perks.add({ code: 'OTHER' })}>
                          {t('tiers.addPerk')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                style={{ marginTop: 16 }}
                icon={<PlusOutlined />}
                disabled={tierFields.length >= 10}
                onClick={() => add({ discountPercent: 0, pointsMultiplier: 1, categoryDiscounts: {}, perks: [] })}
                data-testid="tier-add"
              >
                {t('tiers.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>

      <Card title={t('tiers.previewTitle')} style={{ marginTop: 16 }} data-testid="tier-preview">
        <Typography.Paragraph type="secondary">{t('tiers.previewHint')}</Typography.Paragraph>
        {failure && (
          <SaveError
            error={failure.error}
            extraErrors={failure.unmatched}
            testId="tier-settings-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Space style={{ marginBottom: 16 }}>
          <Button icon={<EyeOutlined />} onClick={() => void runPreview()} disabled={!body || (previewed && !!counts)} data-testid="tier-preview-button">
            {t('tiers.preview')}
          </Button>
          <Button
            type="primary"
            disabled={!previewed || !counts || apply.isPending || isRunning(job)}
            loading={apply.isPending}
            onClick={() => apply.mutate()}
            data-testid="tier-apply"
          >
            {t('tiers.apply')}
          </Button>
          {previewedFor !== null && !previewed && <Typography.Text type="warning">{t('tiers.previewStale')}</Typography.Text>}
        </Space>
        {previewed && preview.query.isFetching && !counts && (
          <Spin>
            <div style={{ height: 80 }} />
          </Spin>
        )}
        {previewed && counts && (
          <>
            <Flex gap={24} wrap style={{ marginBottom: 12 }} data-testid="tier-preview-summary">
              <Typography.Text>{t('tiers.customers', { count: counts.customers })}</Typography.Text>
              <Typography.Text type="success">{t('tiers.movingUp', { count: counts.movingUp })}</Typography.Text>
              <Typography.Text type="danger">{t('tiers.movingDown', { count: counts.movingDown })}</Typography.Text>
              <Typography.Text type="secondary">{t('tiers.staying', { count: counts.staying })}</Typography.Text>
            </Flex>
            <Table
              rowKey={(r) => `${r.tierId ?? ''}:${r.name ?? ''}`}
              size="small"
              pagination={false}
              dataSource={counts.tiers}
              data-testid="tier-preview-table"
              columns={[
                { title: t('tiers.name'), key: 'name', render: (_, r) => r.name ?? t('receipt.noTier') },
                { title: t('tiers.holders'), dataIndex: 'holders', key: 'holders', align: 'right' },
                { title: t('tiers.up'), dataIndex: 'movingUp', key: 'up', align: 'right' },
                { title: t('tiers.down'), dataIndex: 'movingDown', key: 'down', align: 'right' },
                { title: t('tiers.stay'), dataIndex: 'staying', key: 'staying', align: 'right' },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('tiers.movers')}
            </Typography.Title>
            <CursorTable<Mover>
              testId="tier-movers"
              list={preview}
              emptyText={t('tiers.noMovers')}
              columns={[
                { title: t('orders.customer'), dataIndex: 'customerName', key: 'customer' },
                {
                  title: t('membership.change'),
                  key: 'change',
                  render: (_, m) => (
                    <>
                      {m.fromTier?.name ?? t('receipt.noTier')} → {m.toTier?.name ?? t('receipt.noTier')}{' '}
                      <Tag color={m.direction === 'UP' ? 'green' : 'red'}>{t(m.direction === 'UP' ? 'tiers.up' : 'tiers.down')}</Tag>
                    </>
                  ),
                },
                { title: t('tiers.spend'), key: 'spend', align: 'right', render: (_, m) => formatMoney(m.qualifyingSpend, locale) },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}

/** A re-evaluation or review job, read again every second until it is done or failed. */
function JobProgress({ job: started }: { job: MembershipJob }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: [...keys.membership, 'job', started.id],
    initialData: started,
    queryFn: async () => {
      const next = await dataOf(api.GET('/api/v1/membership/jobs/{jobId}', { params: { path: { jobId: started.id } } }));
      if (!next) throw new Error('no job');
      // Customers' tiers moved: their pages read them again.
      if (!isRunning(next)) void queryClient.invalidateQueries({ queryKey: keys.customers });
      return next;
    },
    refetchInterval: (q) => (isRunning(q.state.data) ? 1000 : false),
  });
  const j = job.data;
  const percent = j.total > 0 ? Math.floor((j.processed * 100) / j.total) : j.status === 'DONE' ? 100 : 0;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={j.status === 'FAILED' ? 'error' : j.status === 'DONE' ? 'success' : 'info'}
      showIcon
      data-testid="tier-job"
      title={t(`tiers.job.${j.status}`)}
      description={
        <>
          <Progress percent={percent} status={j.status === 'FAILED' ? 'exception' : isRunning(j) ? 'active' : undefined} data-testid="tier-job-progress" />
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('tiers.job.processed')}>
              <span data-testid="tier-job-processed">
                {j.processed} / {j.total}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('tiers.up')}>{j.movedUp}</Descriptions.Item>
            <Descriptions.Item label={t('tiers.down')}>{j.movedDown}</Descriptions.Item>
            {j.finishedAt && <Descriptions.Item label={t('tiers.job.finishedAt')}>{formatDateTime(j.finishedAt)}</Descriptions.Item>}
          </Descriptions>
          {j.error && <Typography.Text type="danger">{j.error}</Typography.Text>}
          {job.isError && <ErrorAlert error={job.error} onRetry={() => job.refetch()} testId="tier-job-error" />}
        </>
      }
    />
  );
}
