import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Divider, Empty, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type Tenant } from '../../api/queries';
import type { components } from '../../api/schema';
import { describeError, ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, TIME_ZONES } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { ListFooter } from '../../components/ListFooter';
import { OneTimePasswordDialog } from '../../components/OneTimePasswordDialog';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useServerErrors } from '../../components/useServerErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { etagOf } from '../clinics/ClinicModals';

type TenantStatus = components['schemas']['TenantStatus'];
type TenantCreated = components['schemas']['TenantCreated'];
type TenantFormValues = components['schemas']['TenantCreate'];

const TENANT_FIELDS: (string | string[])[] = [
  'slug',
  'name',
  'currency',
  'timeZone',
  ['admin', 'username'],
  ['admin', 'email'],
  ['admin', 'displayName'],
];

function CreateTenantModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: TenantCreated) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TenantFormValues>();
  const server = useServerErrors(form, TENANT_FIELDS);

  const create = useMutation({
    mutationFn: (v: TenantFormValues) =>
      dataOf(
        api.POST('/api/v1/tenants', {
          body: {
            slug: v.slug.trim(),
            name: v.name.trim(),
            currency: v.currency?.trim() || undefined,
            timeZone: v.timeZone?.trim() || undefined,
            admin: {
              username: v.admin.username.trim(),
              email: v.admin.email.trim(),
              displayName: v.admin.displayName.trim(),
            },
          },
        }),
      ),
    onMutate: () => server.clear(),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: keys.tenants });
      form.resetFields();
      onClose();
      onCreated(created);
    },
    onError: server.handle,
  });

  const cancel = () => {
    server.clear();
    form.resetFields();
    onClose();
  };

  return (
    <FormModal
      open={open}
      title={t('tenants.form.title')}
      pending={create.isPending}
      submitLabel={t('common.create')}
      submitTestId="tenant-form-submit"
      testId="tenant-form"
      onSubmit={() => form.submit()}
      onCancel={cancel}
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ currency: 'CNY', timeZone: 'Asia/Shanghai' }}
        onFinish={(v) => create.mutate(v)}
        disabled={create.isPending}
      >
        {server.error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={server.error} extraErrors={server.unmatched} testId="tenant-form-error" />
          </div>
        )}
        <Form.Item
          name="name"
          label={t('tenants.form.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('tenants.form.name') }) }, { max: 100 }]}
        >
          <Input data-testid="tenant-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="slug"
          label={t('tenants.form.slug')}
          extra={t('tenants.form.slugHint')}
          rules={[
            { required: true, message: t('validation.required', { field: t('tenants.form.slug') }) },
            { pattern: /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, message: t('tenants.form.slugInvalid') },
          ]}
        >
          <Input data-testid="tenant-form-slug" maxLength={40} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="currency"
            label={t('tenants.form.currency')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^[A-Z]{3}$/, message: t('tenants.form.currencyInvalid') }]}
          >
            <Input data-testid="tenant-form-currency" maxLength={3} />
          </Form.Item>
          <Form.Item name="timeZone" label={t('tenants.form.timeZone')} style={{ flex: 2 }} rules={[{ max: 50 }]}>
            <AutoComplete data-testid="tenant-form-timezone" options={TIME_ZONES.map((z) => ({ value: z }))} />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" plain>
          {t('tenants.form.admin')}
        </Divider>
        <Form.Item
          name={['admin', 'displayName']}
          label={t('tenants.form.adminDisplayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('tenants.form.adminDisplayName') }) }]}
        >
          <Input data-testid="tenant-form-admin-display-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name={['admin', 'username']}
          label={t('tenants.form.adminUsername')}
          extra={t('staff.form.usernameHint')}
          rules={[
            { required: true, message: t('validation.required', { field: t('tenants.form.adminUsername') }) },
            { pattern: /^[a-z0-9][a-z0-9._-]{2,49}$/, message: t('staff.form.usernameInvalid') },
          ]}
        >
          <Input data-testid="tenant-form-admin-username" maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['admin', 'email']}
          label={t('tenants.form.adminEmail')}
          rules={[
            { required: true, message: t('validation.required', { field: t('tenants.form.adminEmail') }) },
            { type: 'email', message: t('staff.form.emailInvalid') },
          ]}
        >
          <Input data-testid="tenant-form-admin-email" maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Platform operator: every clinic chain, create one with its first admin, suspend or reactivate. */
export function TenantsPage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TenantStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TenantCreated | null>(null);

  const { query, items } = useCursorList<Tenant>([...keys.tenants, { q, status }], (cursor) =>
    dataOf(api.GET('/api/v1/tenants', { params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined, status } } })),
  );

  const setTenantStatus = useMutation({
    mutationFn: async ({ tenant, next }: { tenant: Tenant; next: TenantStatus }) => {
      const fresh = await unwrap(api.GET('/api/v1/tenants/{tenantId}', { params: { path: { tenantId: tenant.id } } }));
      return dataOf(
        api.PATCH('/api/v1/tenants/{tenantId}', {
          params: { path: { tenantId: tenant.id }, header: { 'If-Match': etagOf(fresh.etag, fresh.data) } },
          body: { status: next },
        }),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.tenants }),
  });

  const toggle = async (tenant: Tenant) => {
    const next: TenantStatus = tenant.status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE';
    try {
      await setTenantStatus.mutateAsync({ tenant, next });
      message.success(t(next === 'SUSPENDED' ? 'tenants.suspended' : 'tenants.reactivated', { name: tenant.name }));
    } catch (e) {
      const { title, detail } = describeError(e, t);
      message.error(detail ? `${title}: ${detail}` : title);
    }
  };

  const columns: ColumnsType<Tenant> = [
    { title: t('tenants.col.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: t('tenants.col.slug'), dataIndex: 'slug', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: TenantStatus) => <Tag color={s === 'ACTIVE' ? 'green' : 'red'}>{t(`tenantStatus.${s}`)}</Tag>,
    },
    { title: t('tenants.col.currency'), dataIndex: 'currency', width: 90 },
    { title: t('tenants.col.timeZone'), dataIndex: 'timeZone', width: 150 },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, tenant) => {
        const active = tenant.status === 'ACTIVE';
        return (
          <Popconfirm
            title={t(active ? 'tenants.suspend' : 'tenants.reactivate')}
            description={t(active ? 'tenants.suspendConfirm' : 'tenants.reactivateConfirm', { name: tenant.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: active }}
            onConfirm={() => toggle(tenant)}
          >
            <Button type="link" size="small" danger={active} data-testid={`toggle-tenant-${tenant.slug}`}>
              {t(active ? 'tenants.suspend' : 'tenants.reactivate')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  const filtered = q !== '' || status !== undefined;

  return (
    <div data-testid="tenants-page">
      <PageHeader
        title={t('tenants.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-tenant-button">
            {t('tenants.create')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('tenants.searchPlaceholder')} onSearch={setQ} testId="tenants-search" width={340} />
        <Select<TenantStatus>
          allowClear
          placeholder={t('common.status')}
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          style={{ width: 150 }}
          data-testid="tenants-status-filter"
          options={(['ACTIVE', 'SUSPENDED'] as const).map((s) => ({ value: s, label: t(`tenantStatus.${s}`) }))}
        />
      </Flex>
      {query.isError && items.length === 0 ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} testId="tenants-error" />
      ) : (
        <>
          {query.isError && (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={query.error} onRetry={() => query.fetchNextPage()} testId="tenants-error" />
            </div>
          )}
          <div data-testid="tenants-table">
            <Table<Tenant>
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
                  <div data-testid="tenants-empty">
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('tenants.emptyFiltered') : t('tenants.empty')} />
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
            testId="tenants-load-more"
          />
        </>
      )}
      <CreateTenantModal open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <OneTimePasswordDialog
        value={
          created && {
            title: t('tenants.created.title', { name: created.tenant.name }),
            hint: t('tenants.created.hint'),
            username: created.admin.username,
            password: created.initialPassword,
          }
        }
        onClose={() => setCreated(null)}
      />
    </div>
  );
}
