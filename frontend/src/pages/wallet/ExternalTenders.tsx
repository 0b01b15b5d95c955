import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { FieldPath } from '../../api/formErrors';
import { formatMoney, toMajorUnits } from '../../components/money';
import { minorOf, MoneyInput } from '../../components/MoneyInput';
import { useI18n } from '../../i18n/I18nProvider';
import { tenderBalance } from '../orders/orderFields';
import type { ExternalTenderMethod, StoredValueTenderInput } from './walletQueries';

export interface TenderValues {
  method?: ExternalTenderMethod;
  amount?: string | null;
  reference?: string;
}

export const EXTERNAL_METHODS: ExternalTenderMethod[] = ['CASH', 'BANK_CARD', 'WECHAT_PAY', 'ALIPAY', 'OTHER'];

/**
 * The tenders as the API takes them, and how they stand against `due`: what is still missing (negative when
 * too much) and whether they add up to it exactly. A row without a method or a valid amount above zero
 * keeps them from adding up.
 */
export function tendersFor(rows: TenderValues[] | undefined, currency: string, due: number) {
  const amounts = (rows ?? []).map((x) => {
    const minor = x.method ? minorOf(x.amount, currency) : undefined;
    return minor !== undefined && minor > 0 ? minor : undefined;
  });
  const tenders: StoredValueTenderInput[] = (rows ?? []).map((x, i) => ({
    method: x.method!,
    amount: { amount: amounts[i] ?? 0, currency },
    ...(x.reference?.trim() ? { reference: x.reference.trim() } : {}),
  }));
  return { tenders, balance: tenderBalance(due, amounts) };
}

/** One tender paying all of `amount`: by `row`'s method when there is one, else in cash. */
export function payingAll(row: TenderValues | undefined, amount: number, currency: string): TenderValues[] {
  return [{ method: row?.method ?? 'CASH', reference: row?.reference, amount: toMajorUnits(amount, currency) }];
}

/** The form fields the server's `tenders[i].…` errors land on. */
export function tenderFields(rows: TenderValues[] | undefined): FieldPath[] {
  return (rows ?? []).flatMap((_, i) => [['tenders', i, 'method'], ['tenders', i, 'amount'], ['tenders', i, 'reference']]);
}

/**
 * Money paid or paid back outside MeiKe (cash, card, WeChat Pay…), as the `tenders` list of the surrounding
 * form, with what is still missing against `due`.
 */
export function ExternalTenders({ currency, due, testId }: { currency: string; due: number; testId: string }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance<{ tenders?: TenderValues[] }>();
  const rows = Form.useWatch('tenders', form);
  const { balance } = tendersFor(rows, currency, due);
  const add = () => {
    const next = [...(rows ?? []), { method: 'CASH' as const, amount: balance.remaining > 0 ? toMajorUnits(balance.remaining, currency) : null }];
    form.setFieldValue('tenders', next);
  };
  return (
    <>
      <Form.List name="tenders">
        {(fields, { remove }) =>
          fields.map((field, i) => (
            <Row gutter={8} key={field.key} data-testid={`${testId}-${i}`}>
              <Col span={7}>
                <Form.Item name={[field.name, 'method']} rules={[{ required: true, message: t('pos.methodRequired') }]}>
                  <Select
                    data-testid={`${testId}-method-${i}`}
                    options={EXTERNAL_METHODS.map((m) => ({ value: m, label: t(`tenderMethod.${m}`), title: t(`tenderMethod.${m}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[field.name, 'amount']}>
                  <MoneyInput currency={currency} testId={`${testId}-amount-${i}`} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'reference']}>
                  <Input maxLength={100} placeholder={t('pos.reference')} data-testid={`${testId}-reference-${i}`} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('pos.removeTender')} onClick={() => remove(field.name)} data-testid={`${testId}-remove-${i}`} />
              </Col>
            </Row>
          ))
        }
      </Form.List>
      <Flex justify="space-between" align="center">
        <Button icon={<PlusOutlined />} size="small" onClick={add} disabled={(rows?.length ?? 0) >= 10} data-testid={`${testId}-add`}>
          {t('pos.addTender')}
        </Button>
        <Typography.Text type={balance.exact ? 'success' : 'danger'} data-testid={`${testId}-remaining`}>
          {balance.exact
            ? t('wallet.tenders.exact')
            : t(balance.remaining >= 0 ? 'wallet.tenders.missing' : 'wallet.tenders.over', {
                amount: formatMoney({ amount: Math.abs(balance.remaining), currency }, locale),
              })}
        </Typography.Text>
      </Flex>
    </>
  );
}
