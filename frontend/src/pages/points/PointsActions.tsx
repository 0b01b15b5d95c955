import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import type { ApiProblem } from '../../api/problem';
import { keys, type PointsEntry } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ClinicSelect, ItemSelect } from '../visits/pickers';
import { useMyClinics } from '../visits/useClinics';

interface AdjustValues {
  points?: number | null;
  reason?: string;
}

interface RedeemValues {
  points?: number | null;
  /** Only narrows the gift picker to what that clinic offers; not sent. */
  clinicId?: string;
  giftItemId?: string | null;
  giftDescription?: string;
  note?: string;
}

/** Balance, lots and ledger: every points read of hers. */
const POINTS_WRITES = [keys.points];

/**
 * The points card's actions: adjust by hand (chain admins, managers) and redeem for a gift (whoever sells).
 * Both move points, so each submission carries an Idempotency-Key, reused when retrying after an unknown outcome.
 */
export function PointsActions({ customerId, balance }: { customerId: string; balance: number | undefined }) {
  const { t } = useI18n();
  const { permissions } = useMe();
  const [open, setOpen] = useState<'adjust' | 'redeem' | null>(null);
  const close = () => setOpen(null);
  return (
    <Space>
      {permissions.canRedeemPoints && (
        <Button size="small" onClick={() => setOpen('redeem')} data-testid="points-redeem">
          {t('points.redeem')}
        </Button>
      )}
      {permissions.canAdjustPoints && (
        <Button size="small" onClick={() => setOpen('adjust')} data-testid="points-adjust">
          {t('points.adjust')}
        </Button>
      )}
      {permissions.canAdjustPoints && <AdjustModal customerId={customerId} balance={balance} open={open === 'adjust'} onClose={close} />}
      {permissions.canRedeemPoints && <RedeemModal customerId={customerId} balance={balance} open={open === 'redeem'} onClose={close} />}
    </Space>
  );
}

/** A short balance (422) is shown on the points field, with the balance she has. */
function shortBalanceOn(field: string, balance: number | undefined, words: (b: number | string) => string) {
  return (problem: ApiProblem) => (problem.status === 422 ? [{ field, message: words(balance ?? '—') }] : undefined);
}

function AdjustModal({ customerId, balance, open, onClose }: { customerId: string; balance: number | undefined; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const [form] = Form.useForm<AdjustValues>();
  const write = useKeyedWrite();
  const nonZero = {
    validator: async (_: unknown, v?: number | null) => {
      if (!v) throw new Error(t('points.pointsRequired'));
    },
  };
  const save = useFormMutation<AdjustValues, PointsEntry>({
    form,
    fields: ['points', 'reason'],
    invalidate: POINTS_WRITES,
    onClose,
    onSuccess: () => void message.success(t('points.adjusted')),
    mutationFn: (v) => {
      const body = { points: v.points!, reason: v.reason?.trim() ?? '' };
      return write({ customerId, adjust: body }, (key) =>
        dataOf(
          api.POST('/api/v1/points/accounts/{customerId}/adjustments', {
            params: { path: { customerId }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      );
    },
    fieldErrorsFor: shortBalanceOn('points', balance, (b) => t('points.shortBalance', { balance: b })),
  });
  return (
    <FormModal open={open} title={t('points.adjust')} testId="points-adjust-form" submitTestId="points-adjust-form-submit" {...save.modal}>
      <Form<AdjustValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item
          name="points"
          label={t('points.adjustPoints')}
          extra={t('points.adjustHint')}
          rules={[nonZero]}
        >
          <InputNumber<number> precision={0} min={-100000000} max={100000000} style={{ width: '100%' }} data-testid="points-adjust-points" />
        </Form.Item>
        <Form.Item name="reason" label={t('points.reason')} rules={[{ required: true, whitespace: true, message: t('points.reasonRequired') }]}>
          <Input.TextArea maxLength={500} rows={2} data-testid="points-adjust-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RedeemModal({ customerId, balance, open, onClose }: { customerId: string; balance: number | undefined; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const clinics = useMyClinics();
  const [form] = Form.useForm<RedeemValues>();
  const clinicId = Form.useWatch('clinicId', form) ?? clinics.open[0]?.id;
  const write = useKeyedWrite();
  const save = useFormMutation<RedeemValues, PointsEntry>({
    form,
    fields: ['points', 'giftItemId', 'giftDescription', 'note'],
    invalidate: POINTS_WRITES,
    onClose,
    onSuccess: () => void message.success(t('points.redeemed')),
    mutationFn: (v) => {
      const body = {
        points: v.points!,
        giftItemId: v.giftItemId ?? null,
        giftDescription: v.giftDescription?.trim() || null,
        note: v.note?.trim() || null,
      };
      return write({ customerId, redeem: body }, (key) =>
        dataOf(
          api.POST('/api/v1/points/accounts/{customerId}/redemptions', {
            params: { path: { customerId }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      );
    },
    fieldErrorsFor: shortBalanceOn('points', balance, (b) => t('points.shortBalance', { balance: b })),
  });
  const giftNamed = {
    validator: async () => {
      const v = form.getFieldsValue(['giftItemId', 'giftDescription']) as RedeemValues;
      if (!v.giftItemId && !v.giftDescription?.trim()) throw new Error(t('points.giftRequired'));
    },
  };
  return (
    <FormModal open={open} title={t('points.redeem')} testId="points-redeem-form" submitTestId="points-redeem-form-submit" {...save.modal}>
      <Form<RedeemValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} initialValues={{ clinicId: clinics.open[0]?.id }}>
        <Form.Item name="points" label={t('points.redeemPoints')} rules={[{ required: true, message: t('points.redeemPointsRequired') }]}>
          <InputNumber<number> precision={0} min={1} max={100000000} style={{ width: '100%' }} data-testid="points-redeem-points" />
        </Form.Item>
        <Form.Item name="clinicId" label={t('points.giftClinic')}>
          <ClinicSelect testId="points-redeem-clinic" />
        </Form.Item>
        <Form.Item name="giftItemId" label={t('points.giftItem')} dependencies={['giftDescription']} rules={[giftNamed]}>
          <ItemSelect clinicId={clinicId} testId="points-redeem-item" />
        </Form.Item>
        <Form.Item name="giftDescription" label={t('points.giftDescription')} dependencies={['giftItemId']} rules={[giftNamed]}>
          <Input maxLength={200} data-testid="points-redeem-description" />
        </Form.Item>
        <Form.Item name="note" label={t('points.note')}>
          <Input.TextArea maxLength={500} rows={2} data-testid="points-redeem-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
