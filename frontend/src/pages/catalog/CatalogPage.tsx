import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { keys, PAGE_SIZE, useAllClinics, useCursorList, type CatalogItem } from '../../api/queries';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { CursorTable } from '../../components/CursorTable';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ITEM_CATEGORIES, type ItemCategory } from './catalogFields';
import { AddCatalogItemModal, EditCatalogItemModal } from './CatalogModals';

type ActiveFilter = 'all' | 'active' | 'archived';
type EntryFilter = 'all' | 'entry' | 'other';

/**
 * The chain's treatment items (项目) and their list prices. Items are archived, never deleted, so
 * history keeps their names; archived ones stay listed and can be restored.
 */
export function CatalogPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me, permissions } = useMe();
  const canManage = permissions.canManageCatalog;
  const currency = me.tenant?.currency ?? 'CNY';
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<ItemCategory | undefined>();
  const [active, setActive] = useState<ActiveFilter>('all');
  const [clinicId, setClinicId] = useState<string | undefined>();
  const [entry, setEntry] = useState<EntryFilter>('all');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const clinics = useAllClinics();
  const clinicList = clinics.data?.items ?? [];
  const change = useRowChange([keys.catalog, keys.audit]);

  const list = useCursorList<CatalogItem>([...keys.catalog, 'list', { q, category, active, clinicId, entry }], (cursor) =>
    dataOf(
      api.GET('/api/v1/catalog/items', {
        params: {
          query: {
            limit: PAGE_SIZE,
            cursor,
            q: q || undefined,
            category,
            active: active === 'all' ? undefined : active === 'active',
            entryLevel: entry === 'all' ? undefined : entry === 'entry',
            clinicId,
          },
        },
      }),
    ),
  );

  const archive = (item: CatalogItem) => {
    const restore = !item.active;
    return change(
      () =>
        dataOf(
          api.PATCH('/api/v1/catalog/items/{itemId}', {
            params: { path: { itemId: item.id }, header: { 'If-Match': ifMatch(item) } },
            body: { active: restore },
          }),
        ),
      t(restore ? 'catalog.restored' : 'catalog.archived', { name: item.name }),
    );
  };

  const clinicName = (id: string) => clinicList.find((c) => c.id === id)?.name ?? (clinics.isPending ? '…' : t('staff.otherClinic'));

  const columns: ColumnsType<CatalogItem> = [
    {
      title: t('catalog.col.code'),
      dataIndex: 'code',
      width: 130,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('catalog.col.name'),
      key: 'name',
      render: (_, item) => (
        <Space size={8} wrap>
          <strong>{item.name}</strong>
          {item.entryLevel && <Tag color="magenta">{t('catalog.entryLevel')}</Tag>}
        </Space>
      ),
    },
    { title: t('catalog.col.category'), dataIndex: 'category', width: 120, render: (c: ItemCategory) => t(`itemCategory.${c}`) },
    {
      title: t('catalog.col.price'),
      key: 'price',
      width: 140,
      align: 'right',
      render: (_, item) => (
        <span data-testid={`catalog-price-${item.code}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(item.listPrice, locale)}
        </span>
      ),
    },
    {
      title: t('catalog.col.duration'),
      dataIndex: 'durationMinutes',
      width: 100,
      render: (minutes: number) => t('catalog.minutes', { minutes }),
    },
    {
      title: t('catalog.col.clinics'),
      key: 'clinics',
      render: (_, item) =>
        item.allClinics ? (
          <Tag color="gold">{t('staff.allClinics')}</Tag>
        ) : (
          <Typography.Text ellipsis style={{ maxWidth: 220 }}>
            {item.clinicIds.map(clinicName).join(t('common.listSeparator'))}
          </Typography.Text>
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 100,
      render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{t(on ? 'catalog.status.active' : 'catalog.status.archived')}</Tag>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, item) => (
        <Space size="small">
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(item.id)} data-testid={`edit-item-${item.code}`}>
            {t('common.edit')}
          </Button>
          <ConfirmAction
            title={t(item.active ? 'catalog.archive' : 'catalog.restore')}
            description={t(item.active ? 'catalog.archiveConfirm' : 'catalog.restoreConfirm', { name: item.name })}
            danger={item.active}
            testId={`toggle-item-${item.code}`}
            onConfirm={() => archive(item)}
          >
            {t(item.active ? 'catalog.archive' : 'catalog.restore')}
          </ConfirmAction>
        </Space>
      ),
    });
  }

  const filtered = q !== '' || category !== undefined || active !== 'all' || clinicId !== undefined || entry !== 'all';
  const shared = { currency, clinics: clinicList, clinicsLoading: clinics.isPending };

  return (
    <div data-testid="catalog-page">
      <PageHeader
        title={t('catalog.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-item-button">
              {t('catalog.add')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('catalog.searchPlaceholder')} onSearch={setQ} testId="catalog-search" width={320} />
        <Select<ItemCategory>
          allowClear
          placeholder={t('catalog.filter.category')}
          value={category}
          onChange={(v) => setCategory(v ?? undefined)}
          style={{ width: 150 }}
          data-testid="catalog-category-filter"
          options={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`itemCategory.${c}`) }))}
        />
        <Select<ActiveFilter>
          value={active}
          onChange={setActive}
          style={{ width: 150 }}
          data-testid="catalog-active-filter"
          options={[
            { value: 'all', label: `${t('common.status')}: ${t('common.all')}` },
            { value: 'active', label: t('catalog.status.active') },
            { value: 'archived', label: t('catalog.status.archived') },
          ]}
        />
        <Select<EntryFilter>
          value={entry}
          onChange={setEntry}
          style={{ width: 170 }}
          data-testid="catalog-entry-filter"
          options={[
            { value: 'all', label: `${t('catalog.entryLevel')}: ${t('common.all')}` },
            { value: 'entry', label: t('catalog.filter.entryOnly') },
            { value: 'other', label: t('catalog.filter.notEntry') },
          ]}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('catalog.filter.clinic')}
          value={clinicId}
          onChange={(v) => setClinicId(v ?? undefined)}
          loading={clinics.isPending}
          style={{ width: 180 }}
          data-testid="catalog-clinic-filter"
          options={clinicList.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Flex>
      <CursorTable<CatalogItem>
        testId="catalog"
        list={list}
        columns={columns}
        scrollX={1000}
        emptyText={filtered ? t('catalog.emptyFiltered') : t('catalog.empty')}
        emptyAction={
          canManage &&
          !filtered && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('catalog.add')}
            </Button>
          )
        }
      />
      {canManage && (
        <>
          <AddCatalogItemModal open={adding} onClose={() => setAdding(false)} {...shared} />
          <EditCatalogItemModal itemId={editing} onClose={() => setEditing(null)} {...shared} />
        </>
      )}
    </div>
  );
}
