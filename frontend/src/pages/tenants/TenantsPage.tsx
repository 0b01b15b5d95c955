import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Divider, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { ApiProblem, isApiProblem } from '../../api/problem';
import type { FieldPath } from '../../api/formErrors';
import { keys, PAGE_SIZE, useCursorList, type Tenant } from '../../api/queries';
import type { components } from '../../api/schema';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { CursorTable } from '../../components/CursorTable';
import { blankToUndefined, formatDateTime, TIME_ZONES } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { OneTimePasswordDialog } from '../../components/OneTimePasswordDialog';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { inWords, useFormMutation } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';

type TenantStatus = components['schemas']['TenantStatus'];
type TenantCreated = components['schemas']['TenantCreated'];
type TenantFormValues = components['schemas']['TenantCreate'];

const TENANT_FIELDS: FieldPath[] = [
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
  const [form] = Form.useForm<TenantFormValues>();

  /**
   * A 409 only says "conflict": either a chain already has this slug, or the first admin's username
   * or email is used by a login somewhere in MeiKe (which the server does not name). Looking the
   * slug up tells the two apart, so the message lands on the right fields.
   */
  const explainClash = async (problem: ApiProblem, slug: string): Promise<ApiProblem> => {
    const found = await dataOf(api.GET('/api/v1/tenants', { params: { query: { q: slug, limit: 200 } } })).catch(
      () => null,
    );
    if (!found) return problem;
    const errors = found.items.some((tenant) => tenant.slug === slug)
      ? [{ field: 'slug', message: t('tenants.form.slugTaken') }]
      : [
          { field: 'admin.username', message: t('staff.form.loginTaken') },
          { field: 'admin.email', message: t('staff.form.loginTaken') },
        ];
    const { type, title, status, detail, requestId } = problem;
    return new ApiProblem({ type, title, status, detail, requestId, errors });
  };

  const create = useFormMutation({
    form,
    fields: TENANT_FIELDS,
    invalidate: [keys.tenants],
    mutationFn: async (v: TenantFormValues) => {
      const slug = v.slug.trim();
      try {
        return await dataOf(
          api.POST('/api/v1/tenants', {
            body: {
              slug,
              name: v.name.trim(),
              currency: blankToUndefined(v.currency),
              timeZone: blankToUndefined(v.timeZone),
              admin: {
                username: v.admin.username.trim(),
                email: v.admin.email.trim(),
                displayName: v.admin.displayName.trim(),
              },
            },
          }),
        );
      } catch (e) {
        throw isApiProblem(e) && e.status === 409 && e.errors.length === 0 ? await explainClash(e, slug) : e;
      }
    },
    // The clash, once explained, is shown on its fields; unknown zones and currencies in words.
    fieldErrorsFor: (problem) =>
      problem.status === 409 && problem.errors.length > 0
        ? problem.errors
        : inWords(problem.errors, {
            timeZone: t('clinics.form.timeZoneInvalid'),
            currency: t('tenants.form.currencyInvalid'),
          }),
    onClose,
    onSuccess: onCreated,
  });

  return (
    <FormModal
      open={open}
      title={t('tenants.form.title')}
      submitLabel={t('common.create')}
      submitTestId="tenant-form-submit"
      testId="tenant-form"
      {...create.modal}
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ currency: 'CNY', timeZone: 'Asia/Shanghai' }}
        onFinish={(v) => create.mutation.mutate(v)}
        disabled={create.mutation.isPending}
      >
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
  const change = useRowChange([keys.tenants]);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TenantStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TenantCreated | null>(null);

  const list = useCursorList<Tenant>([...keys.tenants, { q, status }], (cursor) =>
    dataOf(api.GET('/api/v1/tenants', { params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined, status } } })),
  );

  const toggle = (tenant: Tenant) => {
    const next: TenantStatus = tenant.status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE';
    return change(
      () =>
        dataOf(
          api.PATCH('/api/v1/tenants/{tenantId}', {
            params: { path: { tenantId: tenant.id }, header: { 'If-Match': ifMatch(tenant) } },
            body: { status: next },
          }),
        ),
      t(next === 'SUSPENDED' ? 'tenants.suspended' : 'tenants.reactivated', { name: tenant.name }),
    );
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
          <ConfirmAction
            title={t(active ? 'tenants.suspend' : 'tenants.reactivate')}
            description={t(active ? 'tenants.suspendConfirm' : 'tenants.reactivateConfirm', { name: tenant.name })}
            danger={active}
            testId={`toggle-tenant-${tenant.slug}`}
            onConfirm={() => toggle(tenant)}
          >
            {t(active ? 'tenants.suspend' : 'tenants.reactivate')}
          </ConfirmAction>
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
      <CursorTable<Tenant>
        testId="tenants"
        list={list}
        columns={columns}
        emptyText={filtered ? t('tenants.emptyFiltered') : t('tenants.empty')}
      />
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
