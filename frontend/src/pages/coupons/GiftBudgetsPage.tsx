import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useAllStaff } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatMoney, toMinorUnits } from '../../components/money';
import { MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { couponKeys, currentMonth, type GiftBudget } from './couponQueries';

interface BudgetValues {
  staffId: string;
  amount: string;
}

/**
 * Consultants' monthly coupon gift budgets (managers and chain admins): what each may give in face value this
 * month, what is used and left. The server enforces them, also when gifts race.
 */
export function GiftBudgetsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const [month, setMonth] = useState(() => currentMonth(me.tenant?.timeZone ?? 'Asia/Shanghai'));
  const [setting, setSetting] = useState(false);
  const valid = /^\d{4}-\d{2}$/.test(month);
  const budgets = useQuery({
    queryKey: [...couponKeys.budgets, month],
    enabled: valid,
    queryFn: () => dataOf(api.GET('/api/v1/coupons/gift-budgets', { params: { query: { month } } })),
  });
  const items = budgets.data?.items ?? [];
  const columns: ColumnsType<GiftBudget> = [
    { title: t('coupons.col.staff'), dataIndex: 'staffName' },
    { title: t('coupons.col.budget'), key: 'amount', align: 'right', render: (_, b) => formatMoney(b.amount, locale) },
    { title: t('coupons.col.used'), key: 'used', align: 'right', render: (_, b) => formatMoney(b.used, locale) },
    {
      title: t('coupons.col.remaining'),
      key: 'remaining',
      align: 'right',
      render: (_, b) => <strong data-testid={`budget-remaining-${b.staffId}`}>{formatMoney(b.remaining, locale)}</strong>,
    },
  ];
  return (
    <div data-testid="gift-budgets-page">
      <PageHeader
        title={t('coupons.budgetsTitle')}
        extra={
          <Button type="primary" onClick={() => setSetting(true)} data-testid="set-budget">
            {t('coupons.setBudget')}
          </Button>
        }
      />
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Input addonBefore={t('coupons.month')} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 220 }} data-testid="budget-month" />
      </Flex>
      {budgets.isError ? (
        <ErrorAlert error={budgets.error} onRetry={() => budgets.refetch()} testId="budgets-error" />
      ) : (
        <div data-testid="budgets-table">
          <Table<GiftBudget> rowKey="staffId" columns={columns} dataSource={items} loading={valid && budgets.isPending} pagination={false} locale={{ emptyText: t('coupons.budgetsEmpty') }} />
        </div>
      )}
      <BudgetModal month={month} budgets={items} open={setting} onClose={() => setSetting(false)} />
    </div>
  );
}

function BudgetModal({ month, budgets, open, onClose }: { month: string; budgets: GiftBudget[]; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const currency = me.tenant?.currency ?? 'CNY';
  const [form] = Form.useForm<BudgetValues>();
  const staff = useAllStaff(open);
  const save = useFormMutation<BudgetValues, GiftBudget>({
    form,
    fields: ['staffId', 'amount'],
    invalidate: [couponKeys.budgets],
    onClose,
    mutationFn: async (v) => {
      const current = budgets.find((b) => b.staffId === v.staffId);
      return dataOf(
        api.PUT('/api/v1/coupons/gift-budgets/{staffId}/{month}', {
          params: { path: { staffId: v.staffId, month }, header: current ? { 'If-Match': `"${current.version}"` } : {} },
          body: { amount: { amount: toMinorUnits(v.amount, currency) ?? 0, currency } },
        }),
      );
    },
  });
  return (
    <FormModal open={open} title={`${t('coupons.setBudget')} · ${month}`} testId="budget-form" submitTestId="budget-submit" {...save.modal}>
      <Form<BudgetValues> form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)}>
        <Form.Item name="staffId" label={t('coupons.field.staff')} rules={[{ required: true, message: t('validation.required', { field: t('coupons.field.staff') }) }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={staff.isPending}
            data-testid="budget-staff"
            options={(staff.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.displayName }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('coupons.field.amount')} rules={[{ required: true, message: t('validation.required', { field: t('coupons.field.amount') }) }]}>
          <MoneyInput currency={currency} testId="budget-amount" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
