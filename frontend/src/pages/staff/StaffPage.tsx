import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { keys, PAGE_SIZE, useAllClinics, useCursorList, type Staff } from '../../api/queries';
import type { components } from '../../api/schema';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { CursorTable } from '../../components/CursorTable';
import { OneTimePasswordDialog } from '../../components/OneTimePasswordDialog';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useMe } from '../../me/MeContext';
import { STAFF_ROLES, type StaffRole } from '../../roles';
import { EditStaffModal, InviteStaffModal } from './StaffModals';

type StaffCreated = components['schemas']['StaffCreated'];
type StatusFilter = 'all' | 'active' | 'disabled';

export function StaffPage() {
  const { t } = useI18n();
  const api = useApi();
  const { me, permissions } = useMe();
  const canManage = permissions.canManageStaff;
  const [q, setQ] = useState('');
  const [role, setRole] = useState<StaffRole | undefined>();
  const [clinicId, setClinicId] = useState<string | undefined>();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  // The one-time password lives only here, and only until the dialog is closed.
  const [created, setCreated] = useState<StaffCreated | null>(null);
  const clinics = useAllClinics();
  const clinicList = clinics.data?.items ?? [];
  const change = useRowChange([keys.staff, keys.audit]);

  const list = useCursorList<Staff>([...keys.staff, 'list', { q, role, clinicId, status }], (cursor) =>
    dataOf(
      api.GET('/api/v1/staff', {
        params: {
          query: {
            limit: PAGE_SIZE,
            cursor,
            q: q || undefined,
            role,
            clinicId,
            active: status === 'all' ? undefined : status === 'active',
          },
        },
      }),
    ),
  );

  const toggle = (staff: Staff) => {
    const enable = !staff.active;
    return change(
      () =>
        dataOf(
          api.PATCH('/api/v1/staff/{staffId}', {
            params: { path: { staffId: staff.id }, header: { 'If-Match': ifMatch(staff) } },
            body: { active: enable },
          }),
        ),
      t(enable ? 'staff.enabled' : 'staff.disabled', { name: staff.displayName }),
    );
  };

  // A manager limited to some clinics does not see the others: they are named only as such.
  const clinicName = (id: string) =>
    clinicList.find((c) => c.id === id)?.name ?? (clinics.isPending ? '…' : t('staff.otherClinic'));

  const columns: ColumnsType<Staff> = [
    {
      title: t('staff.col.name'),
      key: 'name',
      render: (_, s) => (
        <div>
          <strong>{s.displayName}</strong>
          {s.id === me.staffId && <Typography.Text type="secondary">{t('staff.you')}</Typography.Text>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.username}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('staff.col.email'), dataIndex: 'email', ellipsis: true },
    {
      title: t('staff.col.roles'),
      dataIndex: 'roles',
      render: (roles: StaffRole[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'tenant-admin' ? 'magenta' : r === 'manager' ? 'purple' : 'blue'}>
              {t(`role.${r}` as MessageKey)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('staff.col.clinics'),
      key: 'clinics',
      render: (_, s) =>
        s.allClinics ? (
          <Tag color="gold">{t('staff.allClinics')}</Tag>
        ) : (
          <Typography.Text ellipsis style={{ maxWidth: 220 }}>
            {s.clinicIds.map(clinicName).join(t('common.listSeparator')) || t('common.none')}
          </Typography.Text>
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>{t(active ? 'staff.status.active' : 'staff.status.disabled')}</Tag>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, s) => (
        <Space size="small">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(s.id)}
            data-testid={`edit-staff-${s.username}`}
          >
            {t('common.edit')}
          </Button>
          {s.id !== me.staffId && (
            <ConfirmAction
              title={t(s.active ? 'staff.disable' : 'staff.enable')}
              description={t(s.active ? 'staff.disableConfirm' : 'staff.enableConfirm', { name: s.displayName })}
              danger={s.active}
              testId={`toggle-staff-${s.username}`}
              onConfirm={() => toggle(s)}
            >
              {t(s.active ? 'staff.disable' : 'staff.enable')}
            </ConfirmAction>
          )}
        </Space>
      ),
    });
  }

  const filtered = q !== '' || role !== undefined || clinicId !== undefined || status !== 'all';
  const emptyText = filtered ? t('staff.emptyFiltered') : canManage ? t('staff.empty') : t('staff.emptyReadOnly');

  return (
    <div data-testid="staff-page">
      <PageHeader
        title={t('staff.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="invite-staff-button">
              {t('staff.invite')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('staff.searchPlaceholder')} onSearch={setQ} testId="staff-search" width={340} />
        <Select<StaffRole>
          allowClear
          placeholder={t('staff.filter.role')}
          value={role}
          onChange={(v) => setRole(v ?? undefined)}
          style={{ width: 150 }}
          data-testid="staff-role-filter"
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('staff.filter.clinic')}
          value={clinicId}
          onChange={(v) => setClinicId(v ?? undefined)}
          loading={clinics.isPending}
          style={{ width: 200 }}
          data-testid="staff-clinic-filter"
          options={clinicList.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select<StatusFilter>
          value={status}
          onChange={setStatus}
          style={{ width: 160 }}
          data-testid="staff-status-filter"
          options={[
            { value: 'all', label: `${t('staff.filter.status')}: ${t('common.all')}` },
            { value: 'active', label: t('staff.status.active') },
            { value: 'disabled', label: t('staff.status.disabled') },
          ]}
        />
      </Flex>
      <CursorTable<Staff> testId="staff" list={list} columns={columns} emptyText={emptyText} />
      {canManage && (
        <>
          <InviteStaffModal
            open={inviting}
            onClose={() => setInviting(false)}
            onCreated={setCreated}
            clinics={clinicList}
            clinicsLoading={clinics.isPending}
          />
          <EditStaffModal
            staffId={editing}
            selfId={me.staffId}
            onClose={() => setEditing(null)}
            clinics={clinicList}
            clinicsLoading={clinics.isPending}
          />
          <OneTimePasswordDialog
            value={
              created && {
                title: t('staff.created.title', { name: created.staff.displayName }),
                hint: t('staff.created.hint'),
                username: created.staff.username,
                password: created.initialPassword,
              }
            }
            onClose={() => setCreated(null)}
          />
        </>
      )}
    </div>
  );
}
