import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type Key } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch } from '../../api/client';
import { PAGE_SIZE, useAllClinics, useCursorList } from '../../api/queries';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { CursorTable } from '../../components/CursorTable';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { PackAllocation } from './PackAllocation';
import { packKeys, TEMPLATE_WRITES, type PackTemplate } from './packQueries';
import { PackTemplateModal } from './PackTemplateModal';

type ActiveFilter = 'all' | 'active' | 'archived';

/** "水光针 ×2 + 光子嫩肤 ×2": what a template holds, in one line. */
export function templateContents(template: Pick<PackTemplate, 'items'>): string {
  return template.items.map((i) => `${i.itemName} ×${i.sessions}`).join(' + ');
}

/**
 * The chain's session-pack templates (次卡/疗程卡, chain admins): items × sessions, price, validity and clinics;
 * each row opens on how the server splits the price over its items. Archived templates can no longer be sold
 * and stay listed, so packs sold on them keep their name.
 */
export function PackTemplatesPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const currency = me.tenant?.currency ?? 'CNY';
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [editing, setEditing] = useState<{ templateId: string | null } | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const clinics = useAllClinics();
  const clinicList = clinics.data?.items ?? [];
  const change = useRowChange(TEMPLATE_WRITES);

  const list = useCursorList<PackTemplate>([...packKeys.templates, 'list', { q, active }], (cursor) =>
    dataOf(
      api.GET('/api/v1/session-packs/templates', {
        params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined, active: active === 'all' ? undefined : active === 'active' } },
      }),
    ),
  );

  const archive = (template: PackTemplate) =>
    change(
      () =>
        dataOf(
          api.PATCH('/api/v1/session-packs/templates/{templateId}', {
            params: { path: { templateId: template.id }, header: { 'If-Match': ifMatch(template) } },
            body: { active: !template.active },
          }),
        ),
      t(template.active ? 'packs.archived' : 'packs.restored', { name: template.name }),
    );

  const clinicName = (id: string) => clinicList.find((c) => c.id === id)?.name ?? (clinics.isPending ? '…' : t('staff.otherClinic'));

  const columns: ColumnsType<PackTemplate> = [
    { title: t('packs.col.code'), dataIndex: 'code', width: 130, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('packs.col.name'),
      key: 'name',
      render: (_, template) => (
        <Flex vertical>
          <strong>{template.name}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {templateContents(template)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('packs.col.price'),
      key: 'price',
      width: 150,
      align: 'right',
      render: (_, template) => (
        <Flex vertical>
          <span data-testid={`template-price-${template.code}`}>{formatMoney(template.price, locale)}</span>
          <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
            {formatMoney(template.standalonePrice, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('packs.col.validity'), key: 'validity', width: 110, render: (_, template) => t('packs.days', { days: template.validityDays }) },
    {
      title: t('packs.col.clinics'),
      key: 'clinics',
      render: (_, template) =>
        template.allClinics ? (
          <Tag color="gold">{t('staff.allClinics')}</Tag>
        ) : (
          <Typography.Text ellipsis style={{ maxWidth: 220 }}>
            {template.clinicIds.map(clinicName).join(t('common.listSeparator'))}
          </Typography.Text>
        ),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 100,
      render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{t(on ? 'packs.status.active' : 'packs.status.archived')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, template) => (
        <Space size="small">
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing({ templateId: template.id })}
            data-testid={`edit-template-${template.code}`}
          >
            {t('common.edit')}
          </Button>
          <ConfirmAction
            title={t(template.active ? 'packs.archive' : 'packs.restore')}
            description={t(template.active ? 'packs.archiveConfirm' : 'packs.restoreConfirm', { name: template.name })}
            danger={template.active}
            testId={`toggle-template-${template.code}`}
            onConfirm={() => archive(template)}
          >
            {t(template.active ? 'packs.archive' : 'packs.restore')}
          </ConfirmAction>
        </Space>
      ),
    },
  ];

  const filtered = q !== '' || active !== 'all';
  const add = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ templateId: null })} data-testid="add-template-button">
      {t('packs.addTemplate')}
    </Button>
  );

  return (
    <div data-testid="pack-templates-page">
      <PageHeader title={t('packs.templatesTitle')} extra={add} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('packs.searchPlaceholder')} onSearch={setQ} testId="templates-search" width={320} />
        <Select<ActiveFilter>
          value={active}
          onChange={setActive}
          style={{ width: 150 }}
          data-testid="templates-active-filter"
          options={[
            { value: 'all', label: `${t('common.status')}: ${t('common.all')}` },
            { value: 'active', label: t('packs.status.active') },
            { value: 'archived', label: t('packs.status.archived') },
          ]}
        />
      </Flex>
      <CursorTable<PackTemplate>
        testId="templates"
        list={list}
        columns={columns}
        scrollX={1000}
        emptyText={filtered ? t('packs.templatesEmptyFiltered') : t('packs.templatesEmpty')}
        emptyAction={!filtered && add}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
          expandedRowRender: (template) => <PackAllocation template={template} />,
        }}
      />
      <PackTemplateModal
        templateId={editing?.templateId ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onCreated={(template) => setExpanded((keys) => [...keys, template.id])}
        currency={currency}
        clinics={clinicList}
        clinicsLoading={clinics.isPending}
      />
    </div>
  );
}
