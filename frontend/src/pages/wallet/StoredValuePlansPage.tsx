import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { PAGE_SIZE, useAllClinics, useCursorList } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { formatDate } from '../../components/format';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { AddPlanModal, EditPlanModal } from './PlanModals';
import { planTerms } from './walletFigures';
import { walletKeys, type StoredValuePlan } from './walletQueries';

type ActiveFilter = 'all' | 'active' | 'inactive';

/**
 * The chain's stored-value plans (储值方案, chain admins): pay X get Y, validity, clinics and sale window. Plans are
 * withdrawn, never deleted; changing one never changes the lots already sold.
 */
export function StoredValuePlansPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const currency = me.tenant?.currency ?? 'CNY';
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const clinics = useAllClinics();
  const clinicList = clinics.data?.items ?? [];
  const list = useCursorList<StoredValuePlan>([...walletKeys.plans, 'list', { q, active }], (cursor) =>
    dataOf(
      api.GET('/api/v1/stored-value/plans', {
        params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined, active: active === 'all' ? undefined : active === 'active' } },
      }),
    ),
  );
  const clinicName = (id: string) => clinicList.find((c) => c.id === id)?.name ?? (clinics.isPending ? '…' : t('staff.otherClinic'));
  const columns: ColumnsType<StoredValuePlan> = [
    { title: t('svPlans.col.code'), dataIndex: 'code', width: 120, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('svPlans.col.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    {
      title: t('svPlans.col.terms'),
      key: 'terms',
      render: (_, p) => <span data-testid={`sv-plan-terms-${p.code}`}>{planTerms(p, t, locale)}</span>,
    },
    { title: t('svPlans.col.bonus'), key: 'bonus', align: 'right', render: (_, p) => formatMoney(p.bonus, locale) },
    {
      title: t('svPlans.col.validity'),
      key: 'validity',
      render: (_, p) => (p.validityDays ? t('wallet.validForDays', { days: p.validityDays }) : t('wallet.neverExpires')),
    },
    {
      title: t('svPlans.col.clinics'),
      key: 'clinics',
      render: (_, p) =>
        p.allClinics ? (
          <Tag color="gold">{t('staff.allClinics')}</Tag>
        ) : (
          <Typography.Text ellipsis style={{ maxWidth: 200 }}>
            {p.clinicIds.map(clinicName).join(t('common.listSeparator'))}
          </Typography.Text>
        ),
    },
    {
      title: t('svPlans.col.window'),
      key: 'window',
      render: (_, p) =>
        !p.availableFrom && !p.availableUntil
          ? t('svPlans.always')
          : t('svPlans.window', { from: p.availableFrom ? formatDate(p.availableFrom) : t('svPlans.always'), until: p.availableUntil ? formatDate(p.availableUntil) : t('svPlans.always') }),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{t(on ? 'svPlans.status.active' : 'svPlans.status.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, p) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p.id)} data-testid={`edit-sv-plan-${p.code}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  const filtered = q !== '' || active !== 'all';
  const shared = { currency, clinics: clinicList, clinicsLoading: clinics.isPending };
  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-sv-plan-button">
      {t('svPlans.add')}
    </Button>
  );
  return (
    <div data-testid="sv-plans-page">
      <PageHeader title={t('svPlans.title')} extra={addButton} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('svPlans.search')} onSearch={setQ} testId="sv-plans-search" width={280} />
        <Select<ActiveFilter>
          value={active}
          onChange={setActive}
          style={{ width: 150 }}
          data-testid="sv-plans-active-filter"
          options={[
            { value: 'all', label: `${t('common.status')}: ${t('common.all')}` },
            { value: 'active', label: t('svPlans.status.active') },
            { value: 'inactive', label: t('svPlans.status.inactive') },
          ]}
        />
      </Flex>
      <CursorTable<StoredValuePlan>
        testId="sv-plans"
        list={list}
        columns={columns}
        scrollX={1100}
        emptyText={filtered ? t('svPlans.emptyFiltered') : t('svPlans.empty')}
        emptyAction={!filtered && addButton}
      />
      <AddPlanModal open={adding} onClose={() => setAdding(false)} {...shared} />
      <EditPlanModal planId={editing} onClose={() => setEditing(null)} {...shared} />
    </div>
  );
}
