import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type Clinic } from '../../api/queries';
import { describeError, ErrorAlert } from '../../components/ErrorAlert';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { AddClinicModal, EditClinicModal, useSetClinicActive } from './ClinicModals';

type ActiveFilter = 'all' | 'open' | 'closed';

export function ClinicsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const setActiveMutation = useSetClinicActive();
  const canManage = permissions.canManageClinics;

  const { query, items } = useCursorList<Clinic>([...keys.clinics, 'list', { q, active }], (cursor) =>
    dataOf(
      api.GET('/api/v1/clinics', {
        params: {
          query: {
            limit: PAGE_SIZE,
            cursor,
            q: q || undefined,
            active: active === 'all' ? undefined : active === 'open',
          },
        },
      }),
    ),
  );

  const toggle = async (clinic: Clinic) => {
    const next = !clinic.active;
    try {
      await setActiveMutation.mutateAsync({ clinic, active: next });
      message.success(t(next ? 'clinics.reopened' : 'clinics.closed', { name: clinic.name }));
    } catch (e) {
      const { title, detail } = describeError(e, t);
      message.error(detail ? `${title}: ${detail}` : title);
    }
  };

  const columns: ColumnsType<Clinic> = [
    {
      title: t('clinics.col.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('clinics.col.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    { title: t('clinics.col.address'), dataIndex: 'address', ellipsis: true, render: (v?: string | null) => v || t('common.none') },
    { title: t('clinics.col.phone'), dataIndex: 'phone', width: 150, render: (v?: string | null) => v || t('common.none') },
    { title: t('clinics.col.timeZone'), dataIndex: 'timeZone', width: 150 },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 100,
      render: (open: boolean) => (
        <Tag color={open ? 'green' : 'default'}>{t(open ? 'clinics.status.open' : 'clinics.status.closed')}</Tag>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, clinic) => (
        <Space size="small">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(clinic.id)}
            data-testid={`edit-clinic-${clinic.code}`}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t(clinic.active ? 'clinics.close' : 'clinics.reopen')}
            description={t(clinic.active ? 'clinics.closeConfirm' : 'clinics.reopenConfirm', { name: clinic.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: clinic.active }}
            onConfirm={() => toggle(clinic)}
          >
            <Button type="link" size="small" danger={clinic.active} data-testid={`toggle-clinic-${clinic.code}`}>
              {t(clinic.active ? 'clinics.close' : 'clinics.reopen')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const filtered = q !== '' || active !== 'all';
  const emptyText = filtered ? t('clinics.emptyFiltered') : canManage ? t('clinics.empty') : t('clinics.emptyReadOnly');

  return (
    <div data-testid="clinics-page">
      <PageHeader
        title={t('clinics.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-clinic-button">
              {t('clinics.add')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('clinics.searchPlaceholder')} onSearch={setQ} testId="clinics-search" width={360} />
        <Select<ActiveFilter>
          value={active}
          onChange={setActive}
          style={{ width: 160 }}
          aria-label={t('clinics.filter.active')}
          data-testid="clinics-active-filter"
          options={[
            { value: 'all', label: `${t('clinics.filter.active')}: ${t('common.all')}` },
            { value: 'open', label: t('clinics.filter.open') },
            { value: 'closed', label: t('clinics.filter.closed') },
          ]}
        />
      </Flex>
      {query.isError && items.length === 0 ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} testId="clinics-error" />
      ) : (
        <>
          {query.isError && (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={query.error} onRetry={() => query.fetchNextPage()} testId="clinics-error" />
            </div>
          )}
          <div data-testid="clinics-table">
            <Table<Clinic>
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={query.isPending}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{
                emptyText: query.isPending ? (
                  <div style={{ height: 120 }} />
                ) : (
                  <div data-testid="clinics-empty">
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText}>
                      {canManage && !filtered && (
                        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                          {t('clinics.add')}
                        </Button>
                      )}
                    </Empty>
                  </div>
                ),
              }}
            />
          </div>
          <ListFooter
            count={items.length}
            hasMore={query.hasNextPage}
            loadingMore={query.isFetchingNextPage}
            onLoadMore={() => query.fetchNextPage()}
            testId="clinics-load-more"
          />
        </>
      )}
      {canManage && <AddClinicModal open={adding} onClose={() => setAdding(false)} />}
      {canManage && <EditClinicModal clinicId={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
