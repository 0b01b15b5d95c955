import { App, Form, Select, Typography } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import { FormModal } from '../../components/FormModal';
import { formatMoney } from '../../components/money';
import { useFormMutation } from '../../components/useFormMutation';
import { dayIn } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ClinicSelect, ColleagueSelect } from '../visits/pickers';
import { useMyClinics } from '../visits/useClinics';
import { ExternalTenders, payingAll, tenderFields, tendersFor, type TenderValues } from './ExternalTenders';
import { onSale, planTerms } from './walletFigures';
import { useStoredValuePlans, WALLET_WRITES, type StoredValuePlan, type StoredValueTopUpResult } from './walletQueries';

interface TopUpValues {
  clinicId?: string;
  planId?: string;
  consultantId?: string;
  tenders?: TenderValues[];
}

/**
 * Sells a plan to the customer (a top-up): the plans on sale at the chosen clinic, each as "pay X get Y", and
 * the external tenders that paid it, which must add up to the plan's price before it can be sent. Her account
 * opens on the first top-up. Money moves, so the submission carries an Idempotency-Key, reused on a retry.
 */
export function TopUpModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const { me } = useMe();
  const currency = me.tenant?.currency ?? 'CNY';
  const clinics = useMyClinics();
  const [form] = Form.useForm<TopUpValues>();
  const clinicId = Form.useWatch('clinicId', form);
  const planId = Form.useWatch('planId', form);
  const tenders = Form.useWatch('tenders', form);
  const plans = useStoredValuePlans({ active: true, clinicId, enabled: open && !!clinicId });
  const today = dayIn(me.tenant?.timeZone ?? 'Asia/Shanghai');
  const plan = plans.data?.items.find((p) => p.id === planId);
  const due = plan?.price.amount ?? 0;
  const { balance } = tendersFor(tenders, currency, due);
  const write = useKeyedWrite();

  const save = useFormMutation<TopUpValues, StoredValueTopUpResult>({
    form,
    fields: ['clinicId', 'planId', 'consultantId', 'tenders', ...tenderFields(tenders)],
    invalidate: WALLET_WRITES,
    onClose,
    onSuccess: (result) => void message.success(t('wallet.toppedUp', { plan: result.topUp.planName, balance: formatMoney(result.account.balance, locale) })),
    mutationFn: (v) => {
      const body = {
        customerId,
        planId: v.planId!,
        clinicId: v.clinicId!,
        ...(v.consultantId ? { consultantId: v.consultantId } : {}),
        tenders: tendersFor(v.tenders, currency, due).tenders,
      };
      return write(body, (key) => dataOf(api.POST('/api/v1/stored-value/top-ups', { params: { header: { 'Idempotency-Key': key } }, body })));
    },
  });

  const choose = (p: StoredValuePlan | undefined) => {
    // One tender pays the whole price; tenders already split by hand are left as they are.
    if (p && (tenders?.length ?? 0) <= 1) form.setFieldValue('tenders', payingAll(tenders?.[0], p.price.amount, currency));
  };

  return (
    <FormModal
      open={open}
      title={t('wallet.topUp')}
      testId="wallet-topup-form"
      submitTestId="wallet-topup-form-submit"
      submitLabel={plan ? t('wallet.topUpSubmit', { amount: formatMoney(plan.price, locale) }) : t('wallet.topUp')}
      submitDisabled={!plan || !balance.exact}
      width={640}
      {...save.modal}
    >
      <Form<TopUpValues>
        form={form}
        layout="vertical"
        initialValues={{ clinicId: clinics.open[0]?.id, tenders: [] }}
        onValuesChange={(changed: TopUpValues) => {
          if ('clinicId' in changed) form.setFieldValue('planId', undefined);
        }}
        onFinish={(v) => save.mutation.mutate(v)}
      >
        <Form.Item name="clinicId" label={t('wallet.soldAt')} rules={[{ required: true, message: t('validation.required', { field: t('wallet.soldAt') }) }]}>
          <ClinicSelect testId="wallet-topup-clinic" />
        </Form.Item>
        <Form.Item name="planId" label={t('wallet.plan')} rules={[{ required: true, message: t('wallet.planRequired') }]}>
          <Select<string>
            data-testid="wallet-topup-plan"
            loading={plans.isPending && !!clinicId}
            notFoundContent={t('wallet.noPlansHere')}
            onChange={(id) => choose(plans.data?.items.find((p) => p.id === id))}
            options={(plans.data?.items ?? []).map((p) => {
              const label = `${p.name} · ${planTerms(p, t, locale)}`;
              return { value: p.id, label, title: p.name, disabled: !onSale(p, today) };
            })}
          />
        </Form.Item>
        {plan && (
          <Typography.Paragraph type="secondary" data-testid="wallet-topup-terms">
            {t('wallet.topUpTerms', {
              price: formatMoney(plan.price, locale),
              bonus: formatMoney(plan.bonus, locale),
              validity: plan.validityDays ? t('wallet.validForDays', { days: plan.validityDays }) : t('wallet.neverExpires'),
            })}
          </Typography.Paragraph>
        )}
        <Form.Item name="consultantId" label={t('orders.consultant')}>
          <ColleagueSelect clinicId={clinicId} only="consultant" testId="wallet-topup-consultant" />
        </Form.Item>
        <Typography.Text strong>{t('wallet.paidWith')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <ExternalTenders currency={currency} due={due} testId="wallet-topup-tender" />
        </div>
      </Form>
    </FormModal>
  );
}
