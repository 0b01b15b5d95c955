import { useQuery } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Typography } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import { isApiProblem } from '../../api/problem';
import { FormModal } from '../../components/FormModal';
import { formatMoney } from '../../components/money';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { ReasonField } from './AccountModals';
import { ExternalTenders, payingAll, tenderFields, tendersFor, type TenderValues } from './ExternalTenders';
import { RefundCalculator } from './RefundCalculator';
import { expiredValue } from './walletFigures';
import { walletKeys, WALLET_WRITES, type StoredValueAccount, type StoredValueRefundResult } from './walletQueries';

interface RefundValues {
  reason?: string;
  close?: boolean;
  tenders?: TenderValues[];
}

/**
 * Refunds the account in cash by the formula (managers, chain admins). The server's quote is read afresh each
 * time the dialog opens and shown lot by lot before anything is confirmed. The money going back is sent as
 * tenders, which must add up to the refund: a quote that changed meanwhile (a sale in between) is refused
 * rather than paid, and the dialog offers to read it again.
 */
export function AccountRefundModal({ account, open, onClose }: { account: StoredValueAccount; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<RefundValues>();
  const write = useKeyedWrite();
  const quote = useQuery({
    queryKey: walletKeys.quote(account.id),
    enabled: open,
    gcTime: 0,
    staleTime: 0,
    queryFn: () => dataOf(api.GET('/api/v1/stored-value/accounts/{accountId}/refund-quote', { params: { path: { accountId: account.id } } })),
  });
  const close = Form.useWatch('close', form) ?? false;
  const tenders = Form.useWatch('tenders', form);
  const currency = account.balance.currency;
  const refund = quote.data?.refund.amount ?? 0;
  const expired = quote.data ? expiredValue(quote.data).amount : 0;
  const { balance } = tendersFor(tenders, currency, refund);
  const blockedBy = close && expired > 0 ? 'expired' : !close && refund === 0 ? 'nothing' : refund > 0 && !balance.exact ? 'tenders' : null;

  const save = useFormMutation<RefundValues, StoredValueRefundResult>({
    form,
    fields: ['reason', 'close', 'tenders', ...tenderFields(tenders)],
    invalidate: WALLET_WRITES,
    onClose,
    onSuccess: ({ entry }) =>
      void message.success(
        t('wallet.refund.done', {
          refund: formatMoney(entry.refundAmount ?? { amount: 0, currency }, locale),
          forfeited: formatMoney(entry.forfeitedBonus ?? { amount: 0, currency }, locale),
        }),
      ),
    mutationFn: (v) => {
      const body = {
        reason: v.reason?.trim() ?? '',
        close: !!v.close,
        ...(refund > 0 ? { tenders: tendersFor(v.tenders, currency, refund).tenders } : {}),
      };
      return write({ account: account.id, ...body }, (key) =>
        dataOf(
          api.POST('/api/v1/stored-value/accounts/{accountId}/refund', {
            params: { path: { accountId: account.id }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      );
    },
  });
  const refused = isApiProblem(save.modal.error) && save.modal.error.status === 422;

  return (
    <FormModal
      open={open}
      title={t('wallet.refund.title', { name: account.customerName })}
      testId="wallet-refund-form"
      submitTestId="wallet-refund-form-submit"
      submitLabel={t('wallet.refund.submit', { amount: formatMoney({ amount: refund, currency }, locale) })}
      submitDisabled={blockedBy !== null}
      danger
      width={880}
      loading={open && quote.isPending}
      loadError={quote.error}
      onRetryLoad={() => void quote.refetch()}
      {...save.modal}
      // Refused (the figures moved, or expired value remains): read the quote again before deciding again.
      onReload={
        refused
          ? () => {
              save.clear();
              void quote.refetch().then(({ data }) => {
                const first = (form.getFieldValue('tenders') as TenderValues[] | undefined)?.[0];
                if (data) form.setFieldValue('tenders', data.refund.amount > 0 ? payingAll(first, data.refund.amount, currency) : []);
              });
            }
          : undefined
      }
    >
      {quote.data && (
        <Form<RefundValues>
          form={form}
          layout="vertical"
          initialValues={{ close: false, tenders: refund > 0 ? payingAll(undefined, refund, currency) : [] }}
          onFinish={(v) => save.mutation.mutate(v)}
        >
          <RefundCalculator quote={quote.data} lots={account.lots} />
          {refund > 0 && (
            <div style={{ marginTop: 16 }}>
              <Typography.Text strong>{t('wallet.refund.paidBackWith')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <ExternalTenders currency={currency} due={refund} testId="wallet-refund-tender" />
              </div>
            </div>
          )}
          <Form.Item name="close" valuePropName="checked" style={{ marginTop: 16, marginBottom: 8 }} extra={t('wallet.refund.closeHint')}>
            <Checkbox data-testid="wallet-refund-close">{t('wallet.refund.close')}</Checkbox>
          </Form.Item>
          {blockedBy === 'expired' && <Alert type="error" showIcon title={t('wallet.refund.reactivateFirst')} data-testid="wallet-refund-blocked" />}
          {blockedBy === 'nothing' && <Alert type="info" showIcon title={t('wallet.refund.nothing')} data-testid="wallet-refund-blocked" />}
          <div style={{ marginTop: 12 }}>
            <ReasonField testId="wallet-refund-reason" />
          </div>
        </Form>
      )}
    </FormModal>
  );
}
