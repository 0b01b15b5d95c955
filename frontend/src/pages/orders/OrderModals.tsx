import { Button, Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useIdempotencyKey } from '../../api/idempotency';
import type { FieldPath } from '../../api/formErrors';
import type { Order, Refund } from '../../api/queries';
import type { components } from '../../api/schema';
import { FormModal } from '../../components/FormModal';
import { formatMoney, toMajorUnits } from '../../components/money';
import { minorOf, MoneyInput } from '../../components/MoneyInput';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { ORDER_WRITES, refundableOf } from './orderFields';

type RefundCreate = components['schemas']['RefundCreate'];

interface RefundValues {
  reason?: string;
  /** Per line, keyed `l<lineNo>`: the amount to refund in major units (blank: none). */
  lines?: Record<string, string | null | undefined>;
  split?: boolean;
  /** Per tender, keyed `t<tenderNo>`: what goes back to it. */
  tenders?: Record<string, string | null | undefined>;
}

const lineKey = (lineNo: number) => `l${lineNo}`;
const tenderKey = (tenderNo: number) => `t${tenderNo}`;

/** What a tender can still give back: what it took less what was returned to it. */
function returnableOf(tender: Order['tenders'][number]): number {
  return tender.amount.amount - tender.refunded.amount;
}

/** The refund the form describes, in the API's terms (the lines and tenders with an amount). */
export function refundRequest(order: Order, values: RefundValues): RefundCreate {
  const currency = order.total.currency;
  const lines = order.lines
    .map((l) => ({ lineNo: l.lineNo, amount: { amount: minorOf(values.lines?.[lineKey(l.lineNo)], currency) ?? 0, currency } }))
    .filter((l) => l.amount.amount > 0);
  const tenders = values.split
    ? order.tenders
        .map((x) => ({ tenderNo: x.tenderNo, amount: { amount: minorOf(values.tenders?.[tenderKey(x.tenderNo)], currency) ?? 0, currency } }))
        .filter((x) => x.amount.amount > 0)
    : undefined;
  return { reason: values.reason?.trim() ?? '', lines, ...(tenders ? { tenders } : {}) };
}

/** The refund just made: the newest of the order's refunds. */
export function latestRefund(order: Order): Refund | undefined {
  return [...order.refunds].sort((a, b) => a.refundedAt.localeCompare(b.refundedAt)).at(-1);
}

/**
 * Refund amounts of a paid order's lines (each at most its net less what was refunded of it), optionally
 * naming which tenders the money goes back to (else the server spreads it pro rata), with a reason.
 */
export function RefundModal({ order, open, onClose, onRefunded }: { order: Order; open: boolean; onClose: () => void; onRefunded: (order: Order) => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<RefundValues>();
  const idempotency = useIdempotencyKey();
  const currency = order.total.currency;
  const values = Form.useWatch([], form) as RefundValues | undefined;
  const request = refundRequest(order, values ?? {});
  const linesSum = request.lines.reduce((s, l) => s + l.amount.amount, 0);
  const tendersSum = (request.tenders ?? []).reduce((s, x) => s + x.amount.amount, 0);
  const refundable = order.lines.filter((l) => refundableOf(l) > 0);
  const fields: FieldPath[] = [
    'reason',
    ...order.lines.map((l) => ['lines', lineKey(l.lineNo)]),
    ...order.tenders.map((x) => ['tenders', tenderKey(x.tenderNo)]),
  ];
  const save = useFormMutation<RefundValues, Order>({
    form,
    fields,
    invalidate: ORDER_WRITES,
    onClose,
    onSuccess: onRefunded,
    mutationFn: async (v) => {
      const body = refundRequest(order, v);
      try {
        const result = await unwrap(
          api.POST('/api/v1/orders/{orderId}/refunds', {
            params: { path: { orderId: order.id }, header: { 'Idempotency-Key': idempotency.keyFor({ order: order.id, ...body }) } },
            body,
          }),
        );
        idempotency.settle();
        return result.data;
      } catch (e) {
        idempotency.settle(e);
        throw e;
      }
    },
    // The server names the request's lines and tenders by their index; the form keys them by number.
    fieldErrorsFor: (problem, v) => {
      const sent = refundRequest(order, v);
      const renamed = problem.errors.map((e) => {
        const m = /^(lines|tenders)\[(\d+)\]/.exec(e.field);
        if (!m) return e;
        const i = Number(m[2]);
        const key = m[1] === 'lines' ? sent.lines[i] && lineKey(sent.lines[i].lineNo) : sent.tenders?.[i] && tenderKey(sent.tenders[i].tenderNo);
        return key ? { ...e, field: `${m[1]}.${key}` } : e;
      });
      return renamed.some((e, i) => e !== problem.errors[i]) ? renamed : undefined;
    },
  });

  const atMost = (max: number) => ({
    validator: async (_: unknown, value?: string | null) => {
      const minor = minorOf(value, currency);
      if (minor === undefined || minor > max) throw new Error(t('refund.tooMuch', { max: formatMoney({ amount: max, currency }, locale) }));
    },
  });

  return (
    <FormModal
      open={open}
      title={t('refund.title', { number: order.number })}
      testId="refund-form"
      submitTestId="refund-form-submit"
      submitLabel={t('refund.submit', { amount: formatMoney({ amount: linesSum, currency }, locale) })}
      submitDisabled={linesSum === 0 || (!!values?.split && tendersSum !== linesSum)}
      danger
      width={640}
      {...save.modal}
    >
      <Form<RefundValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} initialValues={{ split: false }}>
        <Typography.Paragraph type="secondary">{t('refund.hint')}</Typography.Paragraph>
        {order.lines.some((l) => l.kind === 'PACK') && (
          <Typography.Paragraph type="warning" data-testid="refund-packs-elsewhere">
            {t('packs.refundFromPacks')}
          </Typography.Paragraph>
        )}
        {refundable.map((l) => {
          const max = refundableOf(l);
          return (
            <Row gutter={8} key={l.lineNo} align="middle">
              <Col span={12}>
                <Typography.Text>{l.itemName}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`refund-max-${l.lineNo}`}>
                  {t('refund.max', { max: formatMoney({ amount: max, currency }, locale) })}
                </Typography.Text>
              </Col>
              <Col span={8}>
                <Form.Item name={['lines', lineKey(l.lineNo)]} rules={[atMost(max)]} style={{ marginBottom: 8 }}>
                  <MoneyInput currency={currency} testId={`refund-line-${l.lineNo}`} placeholder="0" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Button
                  size="small"
                  onClick={() => form.setFieldValue(['lines', lineKey(l.lineNo)], toMajorUnits(max, currency))}
                  data-testid={`refund-line-all-${l.lineNo}`}
                  style={{ marginBottom: 8 }}
                >
                  {t('refund.all')}
                </Button>
              </Col>
            </Row>
          );
        })}
        <Form.Item name="split" valuePropName="checked" style={{ marginTop: 8, marginBottom: 8 }}>
          <Checkbox data-testid="refund-split">{t('refund.split')}</Checkbox>
        </Form.Item>
        {values?.split &&
          order.tenders
            .filter((x) => returnableOf(x) > 0)
            .map((x) => (
              <Row gutter={8} key={x.tenderNo} align="middle">
                <Col span={12}>
                  <Typography.Text>{t(`tenderMethod.${x.method}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('refund.max', { max: formatMoney({ amount: returnableOf(x), currency }, locale) })}
                  </Typography.Text>
                </Col>
                <Col span={8}>
                  <Form.Item name={['tenders', tenderKey(x.tenderNo)]} rules={[atMost(returnableOf(x))]} style={{ marginBottom: 8 }}>
                    <MoneyInput currency={currency} testId={`refund-tender-${x.tenderNo}`} placeholder="0" />
                  </Form.Item>
                </Col>
              </Row>
            ))}
        {values?.split && tendersSum !== linesSum && (
          <Typography.Paragraph type="danger" data-testid="refund-split-mismatch">
            {t('refund.splitMismatch', {
              tenders: formatMoney({ amount: tendersSum, currency }, locale),
              lines: formatMoney({ amount: linesSum, currency }, locale),
            })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="reason"
          label={t('refund.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('refund.reason') }) }]}
        >
          <Input.TextArea rows={2} maxLength={300} data-testid="refund-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Give up a draft, with a reason (a paid order is refunded instead). */
export function VoidOrderModal({ order, open, onClose, onVoided }: { order: Order; open: boolean; onClose: () => void; onVoided: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<{ reason?: string }>();
  const save = useFormMutation<{ reason?: string }, Order>({
    form,
    fields: ['reason'],
    invalidate: ORDER_WRITES,
    onClose,
    onSuccess: onVoided,
    mutationFn: async (v) =>
      (await unwrap(api.POST('/api/v1/orders/{orderId}/void', { params: { path: { orderId: order.id } }, body: { reason: v.reason!.trim() } }))).data,
  });
  return (
    <FormModal
      open={open}
      title={t('orders.void.title', { number: order.number })}
      testId="void-form"
      submitTestId="void-form-submit"
      submitLabel={t('orders.void')}
      danger
      {...save.modal}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('orders.void.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('orders.void.reason') }) }]}
        >
          <Input.TextArea rows={2} maxLength={300} data-testid="void-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
