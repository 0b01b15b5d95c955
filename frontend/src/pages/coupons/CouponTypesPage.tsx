import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { PAGE_SIZE, useCursorList } from '../../api/queries';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { CursorTable } from '../../components/CursorTable';
import { formatDate } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { formatMoney, toMinorUnits } from '../../components/money';
import { MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useMe } from '../../me/MeContext';
import { couponKeys, type CouponKind, type CouponType, type CouponTypeCreate } from './couponQueries';

const KINDS: CouponKind[] = ['CASH_VOUCHER', 'EXPERIENCE_VOUCHER', 'DISCOUNT_PERCENT'];
const CATEGORIES = ['SKIN', 'INJECTION', 'MINIMALLY_INVASIVE', 'SURGERY', 'OTHER'] as const;

interface TypeValues {
  code: string;
  name: string;
  kind: CouponKind;
  amountOff?: string | null;
  percentOff?: number | null;
  maxDiscount?: string | null;
  minSpend?: string | null;
  faceValue?: string | null;
  validDays: number;
  stacking: CouponType['stacking'];
  categories?: CouponType['categories'];
}

/** What a coupon of the type takes off, in one line: "减 ¥200.00 · 满 ¥1,000.00". */
export function couponTerms(type: CouponType, t: ReturnType<typeof useI18n>['t'], locale: string): string {
  const main =
    type.kind === 'CASH_VOUCHER' && type.amountOff
      ? t('coupons.terms.cash', { amount: formatMoney(type.amountOff, locale) })
      : type.kind === 'DISCOUNT_PERCENT'
        ? t('coupons.terms.percent', { percent: String(type.percentOff) })
        : t('coupons.terms.experience');
  return type.minSpend.amount > 0 ? `${main} · ${t('coupons.terms.minSpend', { amount: formatMoney(type.minSpend, locale) })}` : main;
}

/**
 * The chain's coupon types (券种, chain admins): cash vouchers, experience vouchers and percent discounts, their
 * validity and stacking. Terms are fixed once created; a type is archived to stop issuing it.
 */
export function CouponTypesPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [adding, setAdding] = useState(false);
  const change = useRowChange([couponKeys.types]);
  const list = useCursorList<CouponType>([...couponKeys.types, 'list'], (cursor) =>
    dataOf(api.GET('/api/v1/coupons/types', { params: { query: { limit: PAGE_SIZE, cursor } } })),
  );

  const toggle = (type: CouponType) =>
    change(
      () =>
        dataOf(
          api.PATCH('/api/v1/coupons/types/{typeId}', {
            params: { path: { typeId: type.id }, header: { 'If-Match': ifMatch(type) } },
            body: { active: !type.active },
          }),
        ),
      t(type.active ? 'coupons.archived' : 'coupons.restored', { name: type.name }),
    );

  const columns: ColumnsType<CouponType> = [
    { title: t('coupons.col.code'), dataIndex: 'code', width: 120, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('coupons.col.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    { title: t('coupons.col.kind'), dataIndex: 'kind', width: 110, render: (kind: CouponKind) => t(`coupons.kind.${kind}`) },
    { title: t('coupons.col.terms'), key: 'terms', render: (_, type) => <span data-testid={`coupon-terms-${type.code}`}>{couponTerms(type, t, locale)}</span> },
    {
      title: t('coupons.col.validity'),
      key: 'validity',
      width: 120,
      render: (_, type) => (type.validDays ? t('coupons.days', { days: type.validDays }) : t('coupons.until', { date: formatDate(type.validUntil) })),
    },
    { title: t('coupons.col.stacking'), dataIndex: 'stacking', width: 100, render: (s: CouponType['stacking']) => t(`coupons.stacking.${s}`) },
    { title: t('coupons.col.faceValue'), key: 'faceValue', width: 130, align: 'right', render: (_, type) => formatMoney(type.faceValue, locale) },
    {
      title: t('common.status'),
      key: 'status',
      width: 150,
      render: (_, type) => (
        <>
          <Tag color={type.active ? 'green' : 'default'}>{t(type.active ? 'coupons.status.active' : 'coupons.status.archived')}</Tag>
          <ConfirmAction
            title={t(type.active ? 'coupons.archive' : 'coupons.restore')}
            description={t(type.active ? 'coupons.archiveConfirm' : 'coupons.restoreConfirm', { name: type.name })}
            danger={type.active}
            testId={`toggle-coupon-type-${type.code}`}
            onConfirm={() => toggle(type)}
          >
            {t(type.active ? 'coupons.archive' : 'coupons.restore')}
          </ConfirmAction>
        </>
      ),
    },
  ];

  const add = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-coupon-type">
      {t('coupons.addType')}
    </Button>
  );
  return (
    <div data-testid="coupon-types-page">
      <PageHeader title={t('coupons.typesTitle')} extra={add} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('coupons.stackingHint')} />
      <CursorTable<CouponType> testId="coupon-types" list={list} columns={columns} scrollX={1100} emptyText={t('coupons.typesEmpty')} emptyAction={add} />
      <CouponTypeModal open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

function CouponTypeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const currency = me.tenant?.currency ?? 'CNY';
  const [form] = Form.useForm<TypeValues>();
  const kind = Form.useWatch('kind', form) as CouponKind | undefined;
  const required = (field: MessageKey) => [{ required: true, message: t('validation.required', { field: t(field) }) }];
  const money = (value: string | null | undefined) => {
    const amount = value ? toMinorUnits(value, currency) : undefined;
    return amount === undefined ? undefined : { amount, currency };
  };
  const save = useFormMutation<TypeValues, CouponType>({
    form,
    fields: ['code', 'name', 'kind', 'amountOff', 'percentOff', 'maxDiscount', 'minSpend', 'faceValue', 'validDays', 'stacking', 'categories'],
    invalidate: [couponKeys.types],
    onClose,
    mutationFn: (v) => {
      const categories = v.categories ?? [];
      const body: CouponTypeCreate = {
        code: v.code,
        name: v.name,
        kind: v.kind,
        amountOff: v.kind === 'CASH_VOUCHER' ? money(v.amountOff) : undefined,
        percentOff: v.kind === 'DISCOUNT_PERCENT' ? (v.percentOff ?? undefined) : undefined,
        maxDiscount: v.kind === 'DISCOUNT_PERCENT' ? money(v.maxDiscount) : undefined,
        minSpend: money(v.minSpend),
        faceValue: money(v.faceValue),
        validDays: v.validDays,
        stacking: v.stacking,
        allItems: categories.length === 0,
        categories,
      };
      return dataOf(api.POST('/api/v1/coupons/types', { body }));
    },
  });
  return (
    <FormModal open={open} title={t('coupons.addType')} testId="coupon-type-form" submitTestId="coupon-type-submit" {...save.modal}>
      <Form<TypeValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'CASH_VOUCHER', stacking: 'EXCLUSIVE', validDays: 90 }}
        onFinish={(v) => save.mutation.mutate(v)}
      >
        <Form.Item name="code" label={t('coupons.field.code')} rules={required('coupons.field.code')}>
          <Input data-testid="coupon-type-code" maxLength={30} />
        </Form.Item>
        <Form.Item name="name" label={t('coupons.field.name')} rules={required('coupons.field.name')}>
          <Input data-testid="coupon-type-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('coupons.field.kind')}>
          <Select data-testid="coupon-type-kind" options={KINDS.map((k) => ({ value: k, label: t(`coupons.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'CASH_VOUCHER' && (
          <Form.Item name="amountOff" label={t('coupons.field.amountOff')} rules={required('coupons.field.amountOff')}>
            <MoneyInput currency={currency} testId="coupon-type-amount-off" />
          </Form.Item>
        )}
        {kind === 'DISCOUNT_PERCENT' && (
          <>
            <Form.Item name="percentOff" label={t('coupons.field.percentOff')} rules={required('coupons.field.percentOff')}>
              <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} data-testid="coupon-type-percent-off" />
            </Form.Item>
            <Form.Item name="maxDiscount" label={t('coupons.field.maxDiscount')}>
              <MoneyInput currency={currency} testId="coupon-type-max-discount" />
            </Form.Item>
          </>
        )}
        <Form.Item name="minSpend" label={t('coupons.field.minSpend')}>
          <MoneyInput currency={currency} testId="coupon-type-min-spend" />
        </Form.Item>
        <Form.Item name="faceValue" label={t('coupons.field.faceValue')}>
          <MoneyInput currency={currency} testId="coupon-type-face-value" />
        </Form.Item>
        <Form.Item name="validDays" label={t('coupons.field.validDays')} rules={required('coupons.field.validDays')}>
          <InputNumber min={1} max={3650} style={{ width: '100%' }} data-testid="coupon-type-valid-days" />
        </Form.Item>
        <Form.Item name="stacking" label={t('coupons.field.stacking')}>
          <Select data-testid="coupon-type-stacking" options={(['EXCLUSIVE', 'STACKABLE'] as const).map((s) => ({ value: s, label: t(`coupons.stacking.${s}`) }))} />
        </Form.Item>
        <Form.Item name="categories" label={t('coupons.field.categories')}>
          <Select mode="multiple" data-testid="coupon-type-categories" options={CATEGORIES.map((c) => ({ value: c, label: t(`itemCategory.${c}`) }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
