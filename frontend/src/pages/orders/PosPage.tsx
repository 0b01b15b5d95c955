import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ifMatch, unwrap } from '../../api/client';
import { applyProblemToForm, type FieldPath } from '../../api/formErrors';
import { useIdempotencyKey } from '../../api/idempotency';
import { isApiProblem, type FieldError } from '../../api/problem';
import { keys, type Order, type OrderLine } from '../../api/queries';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney, toMajorUnits } from '../../components/money';
import { minorOf, MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { CouponSelect } from '../coupons/CouponSelect';
import { CustomerPicker } from '../customers/CustomerPicker';
import { useSaleablePacks } from '../packs/packQueries';
import { PackTemplateSelect } from '../packs/PackTemplateSelect';
import { usePointsTender } from '../points/pointsQueries';
import { storedValueRefusal, StoredValueTenderHint, useStoredValueTender } from '../wallet/StoredValueTender';
import { ClinicSelect, ColleagueSelect, ItemSelect } from '../visits/pickers';
import { useClinicItems } from '../visits/visitFields';
import { walletKeys } from '../wallet/walletQueries';
import { OrderLinesTable, OrderReceipt, OrderStatusTag, OrderTotals } from './OrderParts';
import { ORDER_WRITES, TENDER_METHODS, tenderBalance } from './orderFields';

type LineInput = components['schemas']['OrderLineInput'];
type TenderInput = components['schemas']['TenderInput'];

interface LineValues {
  /** A pack line sells a template (its packs are made on payment); else the line sells an item. */
  kind?: OrderLine['kind'];
  itemId?: string;
  packTemplateId?: string;
  quantity?: number;
  unitPrice?: string | null;
  lineDiscount?: string | null;
}
interface SaleValues {
  customerId?: string;
  clinicId?: string;
  consultantId?: string;
  clinicianId?: string;
  note?: string;
  lines?: LineValues[];
  couponIds?: string[];
}
interface TenderValues {
  method?: TenderInput['method'];
  amount?: string | null;
  reference?: string;
}

const NEW_LINE: LineValues = { quantity: 1 };
const NEW_PACK_LINE: LineValues = { kind: 'PACK', quantity: 1 };

/** What a line sells, as the API names it; undefined until chosen. */
function productOf(line: LineValues): Pick<LineInput, 'itemId' | 'packTemplateId'> | undefined {
  if (line.kind === 'PACK') return line.packTemplateId ? { packTemplateId: line.packTemplateId } : undefined;
  return line.itemId ? { itemId: line.itemId } : undefined;
}

/** The lines as the API takes them; undefined while a line is incomplete or an amount is not a valid one. */
function linesOf(values: SaleValues, currency: string): LineInput[] | undefined {
  const lines: LineInput[] = [];
  for (const l of values.lines ?? []) {
    const product = productOf(l);
    if (!product || !l.quantity) return undefined;
    const unitPrice = l.unitPrice == null || l.unitPrice === '' ? undefined : minorOf(l.unitPrice, currency);
    const discount = minorOf(l.lineDiscount, currency);
    if ((l.unitPrice != null && l.unitPrice !== '' && unitPrice === undefined) || discount === undefined) return undefined;
    lines.push({
      ...product,
      quantity: l.quantity,
      ...(unitPrice !== undefined ? { unitPrice: { amount: unitPrice, currency } } : {}),
      ...(discount > 0 ? { lineDiscount: { amount: discount, currency } } : {}),
    });
  }
  return lines.length > 0 ? lines : undefined;
}

/** What the server was last asked to price, to tell whether the screen shows prices for what is entered. */
function pricingKey(values: SaleValues, currency: string): string {
  return JSON.stringify({
    lines: linesOf(values, currency),
    consultantId: values.consultantId ?? null,
    clinicianId: values.clinicianId ?? null,
    note: values.note?.trim() || null,
    couponIds: values.couponIds ?? [],
  });
}

/** Whether the coupons entered differ from those the draft carries (only then are they sent). */
function couponsChanged(order: Order, values: SaleValues): boolean {
  return JSON.stringify(order.coupons.map((c) => c.couponId)) !== JSON.stringify(values.couponIds ?? []);
}

function toSaleValues(order: Order): SaleValues {
  return {
    customerId: order.customerId,
    clinicId: order.clinicId,
    consultantId: order.consultantId ?? undefined,
    clinicianId: order.clinicianId ?? undefined,
    note: order.note ?? undefined,
    lines: order.lines.map((l) => ({
      kind: l.kind,
      itemId: l.itemId ?? undefined,
      packTemplateId: l.packTemplateId ?? undefined,
      quantity: l.quantity,
      unitPrice: l.unitPrice.amount === l.listPrice.amount ? null : toMajorUnits(l.unitPrice.amount, l.unitPrice.currency),
      lineDiscount: l.lineDiscount.amount > 0 ? toMajorUnits(l.lineDiscount.amount, l.lineDiscount.currency) : null,
    })),
    couponIds: order.coupons.map((c) => c.couponId),
  };
}

/**
 * Point of sale (收银): a draft order for a customer at one of the caller's clinics, priced by the server
 * (tier discount per line, totals) each time the lines change, then paid with tenders that add up to the
 * total exactly, then its receipt. `?order=` resumes a draft.
 */
export function PosPage() {
  const [params, setParams] = useSearchParams();
  const resume = params.get('order');
  // A new sale starts a fresh screen (no state of the last one left).
  const [sale, setSale] = useState(0);
  return (
    <PosView
      key={`${sale}:${resume ?? ''}`}
      resumeId={resume}
      onNewSale={() => {
        setParams({}, { replace: true });
        setSale((n) => n + 1);
      }}
    />
  );
}

function PosView({ resumeId, onNewSale }: { resumeId: string | null; onNewSale: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const resumed = useQuery({
    queryKey: [...keys.order(resumeId ?? ''), 'pos'],
    enabled: !!resumeId,
    gcTime: 0,
    queryFn: () => unwrap(api.GET('/api/v1/orders/{orderId}', { params: { path: { orderId: resumeId! } } })),
  });
  if (resumeId && resumed.isPending) {
    return (
      <Spin>
        <div style={{ height: 240 }} />
      </Spin>
    );
  }
  if (resumeId && resumed.isError) return <ErrorAlert error={resumed.error} onRetry={() => resumed.refetch()} testId="pos-load-error" />;
  const start = resumed.data;
  if (start && start.data.status !== 'DRAFT') {
    return (
      <Result
        status="info"
        title={t('pos.notDraft', { number: start.data.number })}
        extra={
          <Space>
            <Link to={`/orders/${start.data.id}`}>
              <Button>{t('orders.open')}</Button>
            </Link>
            <Button type="primary" onClick={onNewSale}>
              {t('pos.newSale')}
            </Button>
          </Space>
        }
      />
    );
  }
  return <PointOfSale start={start ?? null} onNewSale={onNewSale} />;
}

function PointOfSale({ start, onNewSale }: { start: Versioned<Order> | null; onNewSale: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { me } = useMe();
  const currency = me.tenant?.currency ?? 'CNY';
  const [saleForm] = Form.useForm<SaleValues>();
  const [tenderForm] = Form.useForm<{ tenders: TenderValues[] }>();
  const initial = start ? toSaleValues(start.data) : { lines: [NEW_LINE] };
  const [values, setValues] = useState<SaleValues>(initial);
  const [tenders, setTenders] = useState<TenderValues[]>([]);
  const [draft, setDraft] = useState<Versioned<Order> | null>(start);
  const [pricedFor, setPricedFor] = useState<string | null>(start ? pricingKey(initial, currency) : null);
  const [saleError, setSaleError] = useState<{ error: unknown; unmatched: FieldError[] } | null>(null);
  const [payError, setPayError] = useState<{ error: unknown; unmatched: FieldError[] } | null>(null);
  const [paid, setPaid] = useState<Order | null>(null);
  const idempotency = useIdempotencyKey();
  const items = useClinicItems(values.clinicId);
  const packs = useSaleablePacks(values.clinicId);
  const points = usePointsTender(values.customerId);
  const storedValue = useStoredValueTender(values.customerId, values.clinicId);

  const order = draft?.data;
  const lines = linesOf(values, currency);
  const dirty = !order || pricingKey(values, currency) !== pricedFor;
  // A tender counts once it has a method and an amount above zero.
  const amounts = tenders.map((x) => {
    const minor = x.method ? minorOf(x.amount, currency) : undefined;
    return minor !== undefined && minor > 0 ? minor : undefined;
  });
  const balance = order ? tenderBalance(order.total.amount, amounts) : null;
  const pointsPaid = tenders.reduce((s, x, i) => (x.method === 'POINTS' ? s + (amounts[i] ?? 0) : s), 0);
  const pointsShort = points.account != null && pointsPaid > points.account.value.amount;
  const svIndex = tenders.findIndex((x) => x.method === 'STORED_VALUE');
  const svPaid = svIndex >= 0 ? (amounts[svIndex] ?? 0) : 0;
  const canPay = !!order && !dirty && !!balance?.exact && !pointsShort && storedValueRefusal(storedValue, svPaid) === null;

  const lineFields = (lines: LineValues[]): FieldPath[] =>
    lines.flatMap((l, i) => [l.kind === 'PACK' ? 'packTemplateId' : 'itemId', 'quantity', 'unitPrice', 'lineDiscount'].map((f) => ['lines', i, f]));
  const saleFields: FieldPath[] = ['customerId', 'clinicId', 'consultantId', 'clinicianId', 'note', 'lines', ...lineFields(values.lines ?? [])];

  const price = useMutation({
    mutationFn: async (v: SaleValues): Promise<Versioned<Order>> => {
      const body = linesOf(v, currency)!;
      if (!draft) {
        return unwrap(
          api.POST('/api/v1/orders', {
            body: {
              customerId: v.customerId!,
              clinicId: v.clinicId!,
              consultantId: v.consultantId,
              clinicianId: v.clinicianId,
              note: v.note?.trim() || undefined,
              lines: body,
              ...(v.couponIds?.length ? { couponIds: v.couponIds } : {}),
            },
          }),
        );
      }
      return unwrap(
        api.PATCH('/api/v1/orders/{orderId}', {
          params: { path: { orderId: draft.data.id }, header: { 'If-Match': ifMatch(draft.data, draft.etag) } },
          body: {
            consultantId: v.consultantId ?? null,
            clinicianId: v.clinicianId ?? null,
            note: v.note?.trim() || null,
            lines: body,
            ...(couponsChanged(draft.data, v) ? { couponIds: v.couponIds ?? [] } : {}),
          },
        }),
      );
    },
    onMutate: () => setSaleError(null),
    onSuccess: (result, v) => {
      setDraft(result);
      setPricedFor(pricingKey(v, currency));
      void queryClient.invalidateQueries({ queryKey: keys.orders });
    },
    onError: (e) => {
      const unmatched = isApiProblem(e) ? applyProblemToForm(saleForm, e.errors, saleFields) : [];
      setSaleError({ error: e, unmatched });
    },
  });

  /** After a 412: read the draft again for its current version; what is entered here stays, to be priced again. */
  const reloadDraft = async () => {
    if (!draft) return;
    setSaleError(null);
    try {
      setDraft(await unwrap(api.GET('/api/v1/orders/{orderId}', { params: { path: { orderId: draft.data.id } } })));
      setPricedFor(null);
    } catch (e) {
      setSaleError({ error: e, unmatched: [] });
    }
  };

  const pay = useMutation({
    mutationFn: async (body: { tenders: TenderInput[] }) =>
      unwrap(
        api.POST('/api/v1/orders/{orderId}/pay', {
          params: { path: { orderId: order!.id }, header: { 'Idempotency-Key': idempotency.keyFor({ order: order!.id, ...body }) } },
          body,
        }),
      ),
    onMutate: () => setPayError(null),
    onSettled: (_, e) => idempotency.settle(e ?? undefined),
    onSuccess: (result) => {
      setPaid(result.data);
      for (const queryKey of ORDER_WRITES) void queryClient.invalidateQueries({ queryKey });
    },
    onError: (e) => {
      const fields: FieldPath[] = ['tenders', ...tenders.flatMap((_, i) => [['tenders', i, 'method'], ['tenders', i, 'amount'], ['tenders', i, 'reference']])];
      // A 422 with a stored-value tender is her balance at this clinic falling short (it may have moved since it was read).
      const svShort = isApiProblem(e) && e.status === 422 && e.errors.length === 0 && svIndex >= 0;
      const errors = svShort
        ? [{ field: `tenders[${svIndex}].amount`, message: t('pos.sv.shortError', { amount: storedValue.here ? formatMoney(storedValue.here.total, locale) : '—' }) }]
        : isApiProblem(e)
          ? e.errors
          : [];
      if (svShort) void queryClient.invalidateQueries({ queryKey: walletKeys.all });
      setPayError({ error: e, unmatched: applyProblemToForm(tenderForm, errors, fields) });
    },
  });

  if (paid) {
    return (
      <div data-testid="pos-page">
        <PageHeader
          title={t('pos.paidTitle')}
          extra={
            <Space>
              <Link to={`/orders/${paid.id}`}>
                <Button data-testid="pos-open-order">{t('orders.open')}</Button>
              </Link>
              <Button type="primary" onClick={onNewSale} data-testid="pos-new-sale">
                {t('pos.newSale')}
              </Button>
            </Space>
          }
        />
        <Card>
          <OrderReceipt order={paid} />
        </Card>
      </div>
    );
  }

  const submitTenders = () =>
    pay.mutate({
      tenders: tenders.map((x, i) => ({
        method: x.method!,
        amount: { amount: amounts[i]!, currency },
        ...(x.reference?.trim() ? { reference: x.reference.trim() } : {}),
      })),
    });

  const addTender = () => {
    const next = [...tenders, { method: 'CASH' as const, amount: balance && balance.remaining > 0 ? toMajorUnits(balance.remaining, currency) : null }];
    tenderForm.setFieldsValue({ tenders: next });
    setTenders(next);
  };

  return (
    <div data-testid="pos-page">
      <PageHeader
        title={
          <Space>
            {t('pos.title')}
            {order && (
              <Typography.Text type="secondary" style={{ fontSize: 14 }} data-testid="pos-order-number">
                {order.number}
              </Typography.Text>
            )}
            {order && <OrderStatusTag status={order.status} />}
          </Space>
        }
        extra={
          order && (
            <Button onClick={onNewSale} data-testid="pos-new-sale">
              {t('pos.newSale')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('pos.sale')}>
            <Form<SaleValues>
              form={saleForm}
              layout="vertical"
              initialValues={initial}
              // Every value, also of fields no longer shown (the customer, once the draft is open).
              onValuesChange={() => setValues(saleForm.getFieldsValue(true) as SaleValues)}
              onFinish={(v) => price.mutate(v)}
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  {order ? (
                    <Form.Item label={t('orders.customer')}>
                      <Input disabled value={order.customerName} data-testid="pos-customer-name" />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      name="customerId"
                      label={t('orders.customer')}
                      rules={[{ required: true, message: t('validation.required', { field: t('orders.customer') }) }]}
                      extra={t('pos.customerHint')}
                    >
                      <CustomerPicker testId="pos-customer" />
                    </Form.Item>
                  )}
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="clinicId"
                    label={t('orders.clinic')}
                    rules={[{ required: true, message: t('validation.required', { field: t('orders.clinic') }) }]}
                  >
                    <ClinicSelect testId="pos-clinic" disabled={!!order} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="consultantId" label={t('orders.consultant')}>
                    <ColleagueSelect clinicId={values.clinicId} only="consultant" testId="pos-consultant" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="clinicianId" label={t('orders.clinician')}>
                    <ColleagueSelect clinicId={values.clinicId} only="clinician" testId="pos-clinician" />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text strong>{t('pos.lines')}</Typography.Text>
              <Form.List name="lines">
                {(fields, { add, remove }) => (
                  <div style={{ marginTop: 8 }}>
                    {fields.map((field, i) => {
                      const line = values.lines?.[i];
                      const listPrice =
                        line?.kind === 'PACK'
                          ? packs.data?.items.find((x) => x.id === line.packTemplateId)?.price
                          : items.data?.items.find((x) => x.id === line?.itemId)?.listPrice;
                      return (
                        <Row gutter={8} key={field.key} align="top" data-testid={`pos-line-${i}`}>
                          <Col xs={24} md={9}>
                            {/* Registered, so that submitting keeps what the line sells. */}
                            <Form.Item name={[field.name, 'kind']} hidden>
                              <Input />
                            </Form.Item>
                            <Form.Item
                              key={line?.kind ?? 'ITEM'}
                              name={[field.name, line?.kind === 'PACK' ? 'packTemplateId' : 'itemId']}
                              label={i === 0 ? t('orders.line.item') : undefined}
                              rules={[{ required: true, message: t('validation.required', { field: t(line?.kind === 'PACK' ? 'packs.packLine' : 'orders.line.item') }) }]}
                            >
                              {line?.kind === 'PACK' ? (
                                <PackTemplateSelect clinicId={values.clinicId} testId={`pos-line-pack-${i}`} placeholder={t('packs.pickTemplate')} />
                              ) : (
                                <ItemSelect clinicId={values.clinicId} testId={`pos-line-item-${i}`} placeholder={t('pos.pickItem')} />
                              )}
                            </Form.Item>
                          </Col>
                          <Col xs={6} md={3}>
                            <Form.Item
                              name={[field.name, 'quantity']}
                              label={i === 0 ? t('orders.line.quantity') : undefined}
                              rules={[{ required: true, message: t('pos.quantityInvalid') }]}
                            >
                              <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} data-testid={`pos-line-quantity-${i}`} />
                            </Form.Item>
                          </Col>
                          <Col xs={9} md={5}>
                            <Form.Item name={[field.name, 'unitPrice']} label={i === 0 ? t('orders.line.unitPrice') : undefined}>
                              <MoneyInput
                                currency={currency}
                                testId={`pos-line-price-${i}`}
                                placeholder={listPrice ? toMajorUnits(listPrice.amount, listPrice.currency) : t('pos.listPrice')}
                              />
                            </Form.Item>
                          </Col>
                          <Col xs={7} md={5}>
                            <Form.Item name={[field.name, 'lineDiscount']} label={i === 0 ? t('orders.line.lineDiscount') : undefined}>
                              <MoneyInput currency={currency} testId={`pos-line-discount-${i}`} placeholder="0" />
                            </Form.Item>
                          </Col>
                          <Col xs={2} md={2}>
                            <Form.Item label={i === 0 ? ' ' : undefined}>
                              <Button
                                type="text"
                                icon={<DeleteOutlined />}
                                aria-label={t('pos.removeLine')}
                                disabled={fields.length === 1}
                                onClick={() => remove(field.name)}
                                data-testid={`pos-line-remove-${i}`}
                              />
                            </Form.Item>
                          </Col>
                        </Row>
                      );
                    })}
                    <Space>
                      <Button icon={<PlusOutlined />} onClick={() => add(NEW_LINE)} disabled={fields.length >= 50} data-testid="pos-add-line">
                        {t('pos.addLine')}
                      </Button>
                      <Button icon={<PlusOutlined />} onClick={() => add(NEW_PACK_LINE)} disabled={fields.length >= 50} data-testid="pos-add-pack">
                        {t('packs.addPackLine')}
                      </Button>
                    </Space>
                  </div>
                )}
              </Form.List>
              <Form.Item name="note" label={t('orders.note')} style={{ marginTop: 16 }}>
                <Input.TextArea rows={2} maxLength={500} data-testid="pos-note" />
              </Form.Item>
              <Form.Item name="couponIds" label={t('pos.coupons')}>
                <CouponSelect customerId={values.customerId} />
              </Form.Item>
              {saleError && (
                <div style={{ marginBottom: 12 }}>
                  <ErrorAlert
                    error={saleError.error}
                    extraErrors={saleError.unmatched}
                    testId="pos-sale-error"
                    onRetry={isApiProblem(saleError.error) && saleError.error.status === 412 ? () => void reloadDraft() : undefined}
                    retryLabel={t('common.reload')}
                  />
                </div>
              )}
              <Button
                type="primary"
                htmlType="submit"
                icon={<ReloadOutlined />}
                loading={price.isPending}
                disabled={!lines || !values.customerId || !values.clinicId || !dirty}
                data-testid="pos-price"
              >
                {order ? t('pos.reprice') : t('pos.createDraft')}
              </Button>
            </Form>
          </Card>
          {order && (
            <Card title={t('pos.priced')} style={{ marginTop: 16 }}>
              {dirty && <Alert type="warning" showIcon title={t('pos.stalePrices')} style={{ marginBottom: 12 }} data-testid="pos-stale" />}
              {order.tierName && (
                <Typography.Paragraph type="secondary" data-testid="pos-tier">
                  {t('pos.tierPricing', { tier: order.tierName })}
                </Typography.Paragraph>
              )}
              <OrderLinesTable order={order} testId="pos-priced-lines" />
              {order.coupons.map((c) => (
                <Typography.Paragraph key={c.couponId} data-testid={`pos-coupon-${c.couponId}`} style={{ marginTop: 8 }}>
                  {c.name}: −{formatMoney(c.discount, locale)}
                </Typography.Paragraph>
              ))}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('pos.payment')} data-testid="pos-payment">
            {!order ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pos.priceFirst')} />
            ) : (
              <>
                <OrderTotals order={order} />
                <Form<{ tenders: TenderValues[] }>
                  form={tenderForm}
                  layout="vertical"
                  initialValues={{ tenders: [] }}
                  onValuesChange={(_, all) => setTenders(all.tenders ?? [])}
                >
                  <Form.List name="tenders">
                    {(fields, { remove }) => (
                      <>
                        {fields.map((field, i) => (
                          <div key={field.key} data-testid={`pos-tender-${i}`}>
                            <Row gutter={8}>
                              <Col span={10}>
                                <Form.Item name={[field.name, 'method']} rules={[{ required: true, message: t('pos.methodRequired') }]}>
                                  <Select
                                    data-testid={`pos-tender-method-${i}`}
                                    options={TENDER_METHODS.filter(
                                      (m) =>
                                        (m !== 'POINTS' || points.allowed) &&
                                        // At most one stored-value tender per payment.
                                        (m !== 'STORED_VALUE' || (storedValue.offered && (svIndex < 0 || svIndex === i))),
                                    ).map((m) => ({
                                      value: m,
                                      label: t(`tenderMethod.${m}`),
                                    }))}
                                  />
                                </Form.Item>
                              </Col>
                              <Col span={11}>
                                <Form.Item name={[field.name, 'amount']}>
                                  <MoneyInput currency={currency} testId={`pos-tender-amount-${i}`} />
                                </Form.Item>
                              </Col>
                              <Col span={3}>
                                <Button
                                  type="text"
                                  icon={<DeleteOutlined />}
                                  aria-label={t('pos.removeTender')}
                                  onClick={() => {
                                    remove(field.name);
                                    setTenders(tenderForm.getFieldValue('tenders') ?? []);
                                  }}
                                  data-testid={`pos-tender-remove-${i}`}
                                />
                              </Col>
                            </Row>
                            {tenders[i]?.method === 'POINTS' ? (
                              <PointsTenderHint points={points} short={pointsShort} />
                            ) : tenders[i]?.method === 'STORED_VALUE' ? (
                              <StoredValueTenderHint sv={storedValue} paying={svPaid} />
                            ) : (
                              tenders[i]?.method &&
                              tenders[i]?.method !== 'CASH' && (
                                <Form.Item name={[field.name, 'reference']}>
                                  <Input maxLength={100} placeholder={t('pos.reference')} data-testid={`pos-tender-reference-${i}`} />
                                </Form.Item>
                              )
                            )}
                          </div>
                        ))}
                      </>
                    )}
                  </Form.List>
                  <Button icon={<PlusOutlined />} onClick={addTender} disabled={tenders.length >= 10} data-testid="pos-add-tender">
                    {t('pos.addTender')}
                  </Button>
                </Form>
                {balance && (
                  <Flex justify="space-between" style={{ marginTop: 12 }} data-testid="pos-remaining">
                    <Typography.Text>{balance.remaining >= 0 ? t('pos.remaining') : t('pos.over')}</Typography.Text>
                    <Typography.Text strong type={balance.exact ? 'success' : 'danger'}>
                      {formatMoney({ amount: Math.abs(balance.remaining), currency }, locale)}
                    </Typography.Text>
                  </Flex>
                )}
                {payError && (
                  <div style={{ marginTop: 12 }}>
                    <ErrorAlert
                      error={payError.error}
                      extraErrors={payError.unmatched}
                      testId="pos-pay-error"
                      onRetry={isApiProblem(payError.error) && payError.error.isNetworkError ? submitTenders : undefined}
                    />
                  </div>
                )}
                <Button
                  type="primary"
                  size="large"
                  block
                  style={{ marginTop: 16 }}
                  disabled={!canPay}
                  loading={pay.isPending}
                  onClick={submitTenders}
                  data-testid="pos-pay"
                >
                  {t('pos.pay', { total: formatMoney(order.total, locale) })}
                </Button>
                {dirty && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                    {t('pos.priceBeforePaying')}
                  </Typography.Text>
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function PointsTenderHint({ points, short }: { points: ReturnType<typeof usePointsTender>; short: boolean }) {
  const { t, locale } = useI18n();
  if (!points.account) return <Spin size="small" />;
  return (
    <Typography.Paragraph type={short ? 'danger' : 'secondary'} data-testid="pos-points-balance" style={{ marginTop: -16 }}>
      {t('pos.pointsBalance', { points: points.account.balance, value: formatMoney(points.account.value, locale) })}
      {short && ` · ${t('pos.pointsShort')}`}
    </Typography.Paragraph>
  );
}
