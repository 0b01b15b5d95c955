import { ShoppingCartOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type Order, type OrderStatus } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { CustomerPicker } from '../customers/CustomerPicker';
import { useStaffDirectory } from '../customers/useStaffDirectory';
import { useMyClinics } from '../visits/useClinics';
import { OrderStatusTag } from './OrderParts';
import { ORDER_STATUSES } from './orderFields';

export interface OrderFilters {
  customerId?: string;
  clinicId?: string;
  status?: OrderStatus;
  range?: [Dayjs, Dayjs] | null;
}

/** Orders newest first, filtered; the customer column is left out when the list is one customer's. */
export function OrdersTable({ filters, testId, showCustomer = true }: { filters: OrderFilters; testId: string; showCustomer?: boolean }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const clinics = useMyClinics();
  const directory = useStaffDirectory();
  const { customerId, clinicId, status, range } = filters;
  const from = range?.[0].startOf('day').toISOString();
  const to = range?.[1].add(1, 'day').startOf('day').toISOString();
  const list = useCursorList<Order>(
    [...keys.orders, 'list', { customerId, clinicId, status, from, to }],
    (cursor) => dataOf(api.GET('/api/v1/orders', { params: { query: { limit: PAGE_SIZE, cursor, customerId, clinicId, status, from, to } } })),
    { keepPrevious: true },
  );
  const columns: ColumnsType<Order> = [
    {
      title: t('orders.number'),
      key: 'number',
      render: (_, o) => (
        <Link to={`/orders/${o.id}`} data-testid={`order-link-${o.id}`}>
          {o.number}
        </Link>
      ),
    },
    ...(showCustomer
      ? [{ title: t('orders.customer'), key: 'customer', render: (_: unknown, o: Order) => <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link> }]
      : []),
    { title: t('orders.clinic'), key: 'clinic', render: (_, o) => clinics.nameOf(o.clinicId) },
    { title: t('common.status'), key: 'status', render: (_, o) => <OrderStatusTag status={o.status} /> },
    { title: t('orders.total'), key: 'total', align: 'right', render: (_, o) => formatMoney(o.total, locale) },
    { title: t('orders.consultant'), key: 'consultant', render: (_, o) => directory.nameOf(o.consultantId) ?? t('common.none') },
    { title: t('orders.date'), key: 'date', render: (_, o) => formatDateTime(o.paidAt ?? o.createdAt) },
  ];
  return (
    <CursorTable
      testId={testId}
      list={list}
      columns={columns}
      emptyText={customerId || clinicId || status || range ? t('orders.noneMatch') : t('orders.none')}
    />
  );
}

/** Every order at the caller's clinics, by customer, clinic, status and date. */
export function OrdersPage() {
  const { t } = useI18n();
  const { permissions } = useMe();
  const clinics = useMyClinics();
  const [filters, setFilters] = useState<OrderFilters>({});
  const set = (change: Partial<OrderFilters>) => setFilters((f) => ({ ...f, ...change }));
  return (
    <div data-testid="orders-page">
      <PageHeader
        title={t('nav.orders')}
        extra={
          permissions.canSell && (
            <Link to="/pos">
              <Button type="primary" icon={<ShoppingCartOutlined />} data-testid="orders-new-sale">
                {t('pos.newSale')}
              </Button>
            </Link>
          )
        }
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }} align="center">
        <div style={{ width: 260 }}>
          <CustomerPicker testId="orders-filter-customer" value={filters.customerId} onChange={(customerId) => set({ customerId })} />
        </div>
        <Select<string>
          allowClear
          placeholder={t('orders.allClinics')}
          style={{ width: 180 }}
          data-testid="orders-filter-clinic"
          value={filters.clinicId}
          onChange={(clinicId) => set({ clinicId })}
          options={(clinics.query.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select<OrderStatus>
          allowClear
          placeholder={t('orders.allStatuses')}
          style={{ width: 160 }}
          data-testid="orders-filter-status"
          value={filters.status}
          onChange={(status) => set({ status })}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
        />
        <Space>
          <Typography.Text type="secondary">{t('orders.date')}</Typography.Text>
          <DatePicker.RangePicker
            value={filters.range ?? null}
            onChange={(range) => set({ range: range && range[0] && range[1] ? [range[0], range[1]] : null })}
            data-testid="orders-filter-range"
          />
        </Space>
      </Flex>
      <OrdersTable filters={filters} testId="orders" />
    </div>
  );
}
