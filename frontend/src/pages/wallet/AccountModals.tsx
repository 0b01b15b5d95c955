import { Alert, App, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import type { ApiProblem } from '../../api/problem';
import { FormModal } from '../../components/FormModal';
import { formatMoney } from '../../components/money';
import { minorOf, MoneyInput } from '../../components/MoneyInput';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { CustomerPicker } from '../customers/CustomerPicker';
import { ClinicSelect } from '../visits/pickers';
import { useMyClinics } from '../visits/useClinics';
import { expiredValue } from './walletFigures';
import { WALLET_WRITES, type StoredValueAccount } from './walletQueries';

interface ModalProps {
  account: StoredValueAccount;
  open: boolean;
  onClose: () => void;
}

/** The reason every change of an account is recorded with (audited, shown in the ledger). */
export function ReasonField({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={t('wallet.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('wallet.reason') }) }]}>
      <Input.TextArea rows={2} maxLength={500} data-testid={testId} />
    </Form.Item>
  );
}

const reasonOf = (v: { reason?: string }) => v.reason?.trim() ?? '';

/** Freeze (lost card, dispute: no debit, top-up or transfer until unfrozen) or unfreeze, with a reason. */
export function FreezeModal({ account, open, onClose, unfreeze }: ModalProps & { unfreeze: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const accountId = account.id;
  const save = useFormMutation<{ reason?: string }, StoredValueAccount>({
    form,
    fields: ['reason'],
    invalidate: WALLET_WRITES,
    onClose,
    onSuccess: () => void message.success(t(unfreeze ? 'wallet.unfrozen' : 'wallet.frozen')),
    mutationFn: (v) => {
      const request = { params: { path: { accountId } }, body: { reason: reasonOf(v) } };
      return dataOf(
        unfreeze
          ? api.POST('/api/v1/stored-value/accounts/{accountId}/unfreeze', request)
          : api.POST('/api/v1/stored-value/accounts/{accountId}/freeze', request),
      );
    },
  });
  const action = unfreeze ? 'unfreeze' : 'freeze';
  return (
    <FormModal open={open} title={t(`wallet.${action}`)} testId={`wallet-${action}-form`} submitTestId={`wallet-${action}-form-submit`} danger={!unfreeze} {...save.modal}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        {!unfreeze && <Alert type="warning" showIcon title={t('wallet.freezeHint')} style={{ marginBottom: 16 }} />}
        {unfreeze && account.frozenReason && <Alert type="info" showIcon title={t('wallet.frozenBecause', { reason: account.frozenReason })} style={{ marginBottom: 16 }} />}
        <ReasonField testId={`wallet-${action}-reason`} />
      </Form>
    </FormModal>
  );
}

interface ReactivateValues {
  reason?: string;
  validityDays?: number | null;
}

/** Makes expired value spendable again (managers, chain admins), for `validityDays` or each lot's own validity. */
export function ReactivateModal({ account, open, onClose }: ModalProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReactivateValues>();
  const write = useKeyedWrite();
  const save = useFormMutation<ReactivateValues, unknown>({
    form,
    fields: ['reason', 'validityDays'],
    invalidate: WALLET_WRITES,
    onClose,
    onSuccess: () => void message.success(t('wallet.reactivated')),
    mutationFn: (v) => {
      const body = { reason: reasonOf(v), ...(v.validityDays ? { validityDays: v.validityDays } : {}) };
      return write({ account: account.id, reactivate: body }, (key) =>
        dataOf(
          api.POST('/api/v1/stored-value/accounts/{accountId}/reactivate', {
            params: { path: { accountId: account.id }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      );
    },
  });
  return (
    <FormModal open={open} title={t('wallet.reactivate')} testId="wallet-reactivate-form" submitTestId="wallet-reactivate-form-submit" {...save.modal}>
      <Form<ReactivateValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('wallet.reactivateWhat', {
            amount: formatMoney(expiredValue(account), locale),
            principal: formatMoney(account.expiredPrincipal, locale),
            bonus: formatMoney(account.expiredBonus, locale),
          })}
        />
        <Form.Item name="validityDays" label={t('wallet.reactivateDays')} extra={t('wallet.reactivateDaysHint')}>
          <InputNumber<number> min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid="wallet-reactivate-days" />
        </Form.Item>
        <ReasonField testId="wallet-reactivate-reason" />
      </Form>
    </FormModal>
  );
}

interface TransferValues {
  toCustomerId?: string;
  reason?: string;
}

/** Moves the whole spendable balance to another customer of the chain (chain admins), lots and formula intact. */
export function TransferModal({ account, open, onClose }: ModalProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const write = useKeyedWrite();
  const save = useFormMutation<TransferValues, unknown>({
    form,
    fields: ['toCustomerId', 'reason'],
    invalidate: WALLET_WRITES,
    onClose,
    onSuccess: () => void message.success(t('wallet.transferred')),
    mutationFn: (v) => {
      const body = { toCustomerId: v.toCustomerId!, reason: reasonOf(v) };
      return write({ account: account.id, ...body }, (key) =>
        dataOf(
          api.POST('/api/v1/stored-value/accounts/{accountId}/transfer', {
            params: { path: { accountId: account.id }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      );
    },
  });
  return (
    <FormModal open={open} title={t('wallet.transfer')} testId="wallet-transfer-form" submitTestId="wallet-transfer-form-submit" danger {...save.modal}>
      <Form<TransferValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('wallet.transferWhat', {
            amount: formatMoney(account.balance, locale),
            principal: formatMoney(account.principal, locale),
            bonus: formatMoney(account.bonus, locale),
          })}
        />
        <Form.Item name="toCustomerId" label={t('wallet.transferTo')} rules={[{ required: true, message: t('validation.required', { field: t('wallet.transferTo') }) }]}>
          <CustomerPicker exclude={account.customerId} testId="wallet-transfer-to" />
        </Form.Item>
        <ReasonField testId="wallet-transfer-reason" />
      </Form>
    </FormModal>
  );
}

interface AdjustValues {
  direction?: 'add' | 'take';
  principal?: string | null;
  bonus?: string | null;
  clinicId?: string;
  reason?: string;
}

/**
 * Corrects the account by hand (chain admins): adds principal and/or bonus as a new lot (counted as sold at a
 * clinic), or takes them from the live lots. Taking more than the account holds is refused (422), shown on the amounts.
 */
export function AdjustModal({ account, open, onClose }: ModalProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const clinics = useMyClinics();
  const [form] = Form.useForm<AdjustValues>();
  const direction = Form.useWatch('direction', form) ?? 'add';
  const currency = account.balance.currency;
  const write = useKeyedWrite();
  const signed = (value: string | null | undefined, v: AdjustValues) => ({
    amount: (v.direction === 'take' ? -1 : 1) * (minorOf(value, currency) ?? 0),
    currency,
  });
  const short = (problem: ApiProblem) => {
    if (problem.status !== 422) return undefined;
    const message = t('wallet.adjustShort', { principal: formatMoney(account.principal, locale), bonus: formatMoney(account.bonus, locale) });
    return [
      { field: 'principal', message },
      { field: 'bonus', message },
    ];
  };
  const save = useFormMutation<AdjustValues, unknown>({
    form,
    fields: ['principal', 'bonus', 'clinicId', 'reason'],
    invalidate: WALLET_WRITES,
    onClose,
    onSuccess: () => void message.success(t('wallet.adjusted')),
    fieldErrorsFor: (problem) => short(problem) ?? (problem.errors.length > 0 ? problem.errors.map((e) => ({ ...e, field: e.field.replace(/\.amount$/, '') })) : undefined),
    mutationFn: (v) => {
      const body = {
        principal: signed(v.principal, v),
        bonus: signed(v.bonus, v),
        reason: reasonOf(v),
        ...(v.direction !== 'take' && v.clinicId ? { clinicId: v.clinicId } : {}),
      };
      return write({ account: account.id, adjust: body }, (key) =>
        dataOf(
          api.POST('/api/v1/stored-value/accounts/{accountId}/adjustments', {
            params: { path: { accountId: account.id }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      );
    },
  });
  const someAmount = {
    validator: async () => {
      const v = form.getFieldsValue(['principal', 'bonus']) as AdjustValues;
      const p = minorOf(v.principal, currency);
      const b = minorOf(v.bonus, currency);
      if (p === undefined || b === undefined || p + b === 0) throw new Error(t('wallet.adjustAmountRequired'));
    },
  };
  return (
    <FormModal open={open} title={t('wallet.adjust')} testId="wallet-adjust-form" submitTestId="wallet-adjust-form-submit" {...save.modal}>
      <Form<AdjustValues>
        form={form}
        layout="vertical"
        initialValues={{ direction: 'add', clinicId: clinics.open[0]?.id }}
        onFinish={(v) => save.mutation.mutate(v)}
      >
        <Form.Item name="direction">
          <Radio.Group data-testid="wallet-adjust-direction">
            <Radio value="add">{t('wallet.adjustAdd')}</Radio>
            <Radio value="take">{t('wallet.adjustTake')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="principal" label={t('wallet.principal')} dependencies={['bonus']} rules={[someAmount]}>
              <MoneyInput currency={currency} testId="wallet-adjust-principal" placeholder="0" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="bonus" label={t('wallet.bonus')} dependencies={['principal']} rules={[someAmount]}>
              <MoneyInput currency={currency} testId="wallet-adjust-bonus" placeholder="0" />
            </Form.Item>
          </Col>
        </Row>
        {direction === 'add' && (
          <Form.Item name="clinicId" label={t('wallet.liabilityClinic')} extra={t('wallet.adjustAddHint')}>
            <ClinicSelect testId="wallet-adjust-clinic" />
          </Form.Item>
        )}
        <ReasonField testId="wallet-adjust-reason" />
      </Form>
    </FormModal>
  );
}
