import { Flex, InputNumber, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList } from '../../api/queries';
import type { components } from '../../api/schema';
import { CursorTable } from '../../components/CursorTable';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useI18n } from '../../i18n/I18nProvider';
import { useMyClinics } from '../visits/useClinics';
import { usePointsRules } from './pointsQueries';

/** A row of the list, keyed by the customer (the table's rows need an id). */
type ExpiringCustomer = components['schemas']['PointsExpiringCustomer'] & { id: string };

/** Customers across the chain whose points expire soon, soonest first, so staff can remind them. */
export function ExpiringPointsPage() {
  const { t } = useI18n();
  const api = useApi();
  const clinics = useMyClinics();
  const rules = usePointsRules();
  const [clinicId, setClinicId] = useState<string>();
  // Unset: the server's own default, the rules' reminder days (shown in the box once the rules are read).
  const [days, setDays] = useState<number | null>(null);
  const withinDays = useDebouncedValue(days, 300) ?? undefined;
  const list = useCursorList<ExpiringCustomer>(
    [...keys.points, 'expiring', withinDays, clinicId],
    async (cursor) => {
      const page = await dataOf(api.GET('/api/v1/points/expiring', { params: { query: { limit: PAGE_SIZE, cursor, withinDays, clinicId } } }));
      return { ...page, items: page.items.map((c) => ({ ...c, id: c.customerId })) };
    },
    { keepPrevious: true },
  );
  const columns: ColumnsType<ExpiringCustomer> = [
    {
      title: t('expiring.customer'),
      key: 'customer',
      render: (_, c) => (
        <Link to={`/customers/${c.customerId}`} data-testid={`expiring-customer-${c.customerId}`}>
          {c.customerName}
        </Link>
      ),
    },
    { title: t('expiring.clinic'), key: 'clinic', render: (_, c) => (c.homeClinicId ? clinics.nameOf(c.homeClinicId) : t('common.none')) },
    { title: t('expiring.points'), dataIndex: 'points', key: 'points', align: 'right' },
    { title: t('expiring.earliest'), key: 'earliest', render: (_, c) => formatDate(c.earliestExpiry) },
  ];
  return (
    <div data-testid="expiring-page">
      <PageHeader title={t('expiring.title')} />
      <Typography.Paragraph type="secondary">{t('expiring.hint')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} align="center">
        <Space>
          <InputNumber<number>
            min={1}
            max={3660}
            precision={0}
            value={days ?? rules.data?.data.reminderDays}
            onChange={(v) => setDays(v)}
            data-testid="expiring-days"
          />
          {t('expiring.withinDays')}
        </Space>
        <Select<string>
          allowClear
          placeholder={t('expiring.allClinics')}
          style={{ width: 180 }}
          data-testid="expiring-clinic"
          value={clinicId}
          onChange={setClinicId}
          options={(clinics.query.data?.items ?? []).map((c) => ({ value: c.id, label: c.name, title: c.name }))}
        />
      </Flex>
      <CursorTable
        testId="expiring-list"
        list={list}
        columns={columns}
        emptyText={t('expiring.none')}
      />
    </div>
  );
}
