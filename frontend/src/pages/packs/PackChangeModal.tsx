import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { formatMoney } from '../../components/money';
import { useFormMutation } from '../../components/useFormMutation';
import { addDays, startOfDay } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useMe } from '../../me/MeContext';
import { ORDER_WRITES } from '../orders/orderFields';
import { PackItems } from './PackItems';
import { packKeys, PACK_WRITES, type SessionPack, type SessionPackEntry, type SessionPackMovement } from './packQueries';

/** A change a manager makes to a pack, with a reason; a reversal names the redemption it gives back. */
export type PackChange =
  | { kind: 'refund' | 'freeze' | 'unfreeze' | 'extend'; pack: SessionPack }
  | { kind: 'reverse'; pack: SessionPack; entry: SessionPackEntry };

interface ChangeValues {
  reason?: string;
  extendBy?: 'days' | 'date';
  days?: number | null;
  /** The last day the pack can be used: it expires when that day ends, on the chain's clock. */
  lastDay?: Dayjs | null;
}

const TITLES: Record<PackChange['kind'], MessageKey> = {
  refund: 'packs.refund.title',
  freeze: 'packs.freeze.title',
  unfreeze: 'packs.unfreeze.title',
  extend: 'packs.extend.title',
  reverse: 'packs.reverse.title',
};

/** Opens the dialog of one change; none while `change` is null. */
export function PackChangeModal({ change, onClose }: { change: PackChange | null; onClose: () => void }) {
  // A fresh dialog per change: no reason or key of the last one is left in it.
  return change ? <PackChangeDialog change={change} onClose={onClose} /> : null;
}

function PackChangeDialog({ change, onClose }: { change: PackChange; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const write = useKeyedWrite();
  const zone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const packId = change.pack.id;
  const path = { path: { packId } };
  // A refund shows the figures of the pack as it is now, not as the list showed it.
  const fresh = useQuery({
    queryKey: [...packKeys.packs, 'refund-figures', packId],
    enabled: change.kind === 'refund',
    gcTime: 0,
    queryFn: () => dataOf(api.GET('/api/v1/session-packs/{packId}', { params: path })),
  });
  const pack = fresh.data ?? change.pack;

  const send = (v: ChangeValues): Promise<SessionPackMovement> => {
    const reason = v.reason!.trim();
    const keyed = (body: object, post: (key: string) => Promise<SessionPackMovement>) => write({ packId, kind: change.kind, ...body }, post);
    switch (change.kind) {
      case 'refund':
        return keyed({ reason }, (key) =>
          dataOf(api.POST('/api/v1/session-packs/{packId}/refund', { params: { ...path, header: { 'Idempotency-Key': key } }, body: { reason } })),
        );
      case 'freeze':
        return dataOf(api.POST('/api/v1/session-packs/{packId}/freeze', { params: path, body: { reason } }));
      case 'unfreeze':
        return dataOf(api.POST('/api/v1/session-packs/{packId}/unfreeze', { params: path, body: { reason } }));
      case 'extend': {
        const body =
          v.extendBy === 'date'
            ? { expiresAt: startOfDay(addDays(v.lastDay!.format('YYYY-MM-DD'), 1), zone), reason }
            : { days: v.days!, reason };
        return keyed(body, (key) =>
          dataOf(api.POST('/api/v1/session-packs/{packId}/extend', { params: { ...path, header: { 'Idempotency-Key': key } }, body })),
        );
      }
      case 'reverse': {
        const redemptionId = change.entry.id;
        return keyed({ redemptionId, reason }, (key) =>
          dataOf(
            api.POST('/api/v1/session-packs/{packId}/redemptions/{redemptionId}/reversal', {
              params: { path: { packId, redemptionId }, header: { 'Idempotency-Key': key } },
              body: { reason },
            }),
          ),
        );
      }
    }
  };

  const done = (result: SessionPackMovement): string => {
    switch (change.kind) {
      case 'refund':
        return t('packs.refund.done', { amount: formatMoney(result.pack.refundedValue, locale) });
      case 'unfreeze':
      case 'extend':
        return t(`packs.${change.kind}.done`, { date: formatDateTime(result.pack.expiresAt) });
      default:
        return t(`packs.${change.kind}.done`);
    }
  };

  const save = useFormMutation<ChangeValues, SessionPackMovement>({
    form,
    fields: ['reason', 'days', 'lastDay'],
    // A refund gives money back through the order that sold the pack.
    invalidate: change.kind === 'refund' ? [...PACK_WRITES, ...ORDER_WRITES] : PACK_WRITES,
    mutationFn: send,
    onClose,
    onSuccess: (result) => void message.success(done(result)),
    // The form asks for the last day; the API names the expiry.
    fieldErrorsFor: (problem) =>
      problem.errors.some((e) => e.field === 'expiresAt') ? problem.errors.map((e) => (e.field === 'expiresAt' ? { ...e, field: 'lastDay' } : e)) : undefined,
  });

  const refund = change.kind === 'refund';
  return (
    <FormModal
      open
      title={t(TITLES[change.kind], { name: pack.templateName })}
      testId={`pack-${change.kind}-form`}
      submitTestId={`pack-${change.kind}-form-submit`}
      submitLabel={refund ? t('packs.refund.submit', { amount: formatMoney(pack.unusedValue, locale) }) : undefined}
      danger={refund || change.kind === 'reverse'}
      width={refund ? 720 : 520}
      loading={refund && fresh.isPending}
      loadError={fresh.error ?? undefined}
      onRetryLoad={() => void fresh.refetch()}
      {...save.modal}
    >
      {refund && <RefundFigures pack={pack} />}
      {change.kind === 'reverse' && <ReversedSession pack={pack} entry={change.entry} />}
      {(change.kind === 'unfreeze' || change.kind === 'extend') && (
        <Typography.Paragraph>{t('packs.expiresNow', { date: formatDateTime(pack.expiresAt) })}</Typography.Paragraph>
      )}
      <Form<ChangeValues> form={form} layout="vertical" initialValues={{ extendBy: 'days', days: 30 }} onFinish={(v) => save.mutation.mutate(v)}>
        {change.kind === 'extend' && <ExtensionFields />}
        <Form.Item name="reason" label={t('packs.reason')} rules={[{ required: true, whitespace: true, message: t('packs.reasonRequired') }]}>
          <Input.TextArea maxLength={500} rows={2} data-testid={`pack-${change.kind}-reason`} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** By so many days from the current expiry, or to the end of a chosen day. */
function ExtensionFields() {
  const { t } = useI18n();
  const by = Form.useWatch('extendBy', Form.useFormInstance<ChangeValues>());
  return (
    <>
      <Form.Item name="extendBy">
        <Radio.Group
          data-testid="pack-extend-by"
          options={[
            { value: 'days', label: t('packs.extend.byDays') },
            { value: 'date', label: t('packs.extend.toDate') },
          ]}
        />
      </Form.Item>
      {by === 'date' ? (
        <Form.Item name="lastDay" label={t('packs.extend.lastDay')} extra={t('packs.extend.lastDayHint')} rules={[{ required: true, message: t('packs.extend.lastDayRequired') }]}>
          <DatePicker style={{ width: '100%' }} data-testid="pack-extend-last-day" />
        </Form.Item>
      ) : (
        <Form.Item name="days" label={t('packs.extend.days')} rules={[{ required: true, type: 'integer', min: 1, max: 3650, message: t('packs.extend.daysInvalid') }]}>
          <InputNumber<number> min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid="pack-extend-days" />
        </Form.Item>
      )}
    </>
  );
}

/**
 * What refunding the pack returns, in the server's figures: per item what was paid for it, the sessions used,
 * and its unused value (paid less the used sessions' share); their sum is the refund.
 */
function RefundFigures({ pack }: { pack: SessionPack }) {
  const { t } = useI18n();
  return (
    <div data-testid="pack-refund-figures">
      <Typography.Paragraph type="secondary">{t('packs.refund.formula')}</Typography.Paragraph>
      <PackItems pack={pack} refund />
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('packs.refund.effect')}</Typography.Paragraph>
    </div>
  );
}

/** The redemption a reversal gives back. */
function ReversedSession({ pack, entry }: { pack: SessionPack; entry: SessionPackEntry }) {
  const { t } = useI18n();
  const names = entry.items.map((m) => pack.items.find((i) => i.itemId === m.itemId)?.itemName ?? m.itemId).join(t('common.listSeparator'));
  return (
    <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('packs.item')}>{names}</Descriptions.Item>
      <Descriptions.Item label={t('packs.redeemedAt')}>{formatDateTime(entry.occurredAt)}</Descriptions.Item>
    </Descriptions>
  );
}
