import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type Clinic } from '../../api/queries';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { AddClinicModal, EditClinicModal } from './ClinicModals';

type ActiveFilter = 'all' | 'open' | 'closed';

export function ClinicsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const change = useRowChange([keys.clinics, keys.audit]);
  const canManage = permissions.canManageClinics;

  const list = useCursorList<Clinic>([...keys.clinics, 'list', { q, active }], (cursor) =>
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

  const toggle = (clinic: Clinic) => {
    const reopen = !clinic.active;
    return change(
      () =>
        dataOf(
          api.PATCH('/api/v1/clinics/{clinicId}', {
            params: { path: { clinicId: clinic.id }, header: { 'If-Match': ifMatch(clinic) } },
            body: { active: reopen },
          }),
        ),
      t(reopen ? 'clinics.reopened' : 'clinics.closed', { name: clinic.name }),
    );
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
          <ConfirmAction
            title={t(clinic.active ? 'clinics.close' : 'clinics.reopen')}
            description={t(clinic.active ? 'clinics.closeConfirm' : 'clinics.reopenConfirm', { name: clinic.name })}
            danger={clinic.active}
            testId={`toggle-clinic-${clinic.code}`}
            onConfirm={() => toggle(clinic)}
          >
            {t(clinic.active ? 'clinics.close' : 'clinics.reopen')}
          </ConfirmAction>
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
      <CursorTable<Clinic>
        testId="clinics"
        list={list}
        columns={columns}
        emptyText={emptyText}
        emptyAction={
          canManage &&
          !filtered && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('clinics.add')}
            </Button>
          )
        }
      />
      {canManage && <AddClinicModal open={adding} onClose={() => setAdding(false)} />}
      {canManage && <EditClinicModal clinicId={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
