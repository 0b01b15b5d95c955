import { CloseOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useAllClinics, useAllStaff, useCursorList, type AuditEvent } from '../../api/queries';
import type { paths } from '../../api/schema';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTimeSeconds } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { hasMessage, type MessageKey } from '../../i18n/messages';
import { useMe } from '../../me/MeContext';

type EntityType = NonNullable<NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>['entityType']>;

/** The kinds of record the filter offers: every one of the contract, in words. */
const ENTITY_LABELS: Record<EntityType, MessageKey> = {
  tenant: 'audit.entity.tenant',
  clinic: 'audit.entity.clinic',
  staff: 'audit.entity.staff',
  'catalog-item': 'audit.entity.catalog-item',
  customer: 'audit.entity.customer',
  'customer-import': 'audit.entity.customer-import',
  'customer-list': 'audit.entity.customer-list',
  appointment: 'audit.entity.appointment',
  visit: 'audit.entity.visit',
  consultation: 'audit.entity.consultation',
  settings: 'audit.entity.settings',
  'membership-program': 'audit.entity.membership-program',
  'membership-job': 'audit.entity.membership-job',
  order: 'audit.entity.order',
  'pack-template': 'audit.entity.pack-template',
  'session-pack': 'audit.entity.session-pack',
  'stored-value-plan': 'audit.entity.stored-value-plan',
  'stored-value-account': 'audit.entity.stored-value-account',
  'stored-value-import': 'audit.entity.stored-value-import',
  'coupon-type': 'audit.entity.coupon-type',
  coupon: 'audit.entity.coupon',
  'coupon-gift-budget': 'audit.entity.coupon-gift-budget',
  'coupon-expiry': 'audit.entity.coupon-expiry',
};

/** Records that have a page of their own, to open from their entries. */
const RECORD_PAGES: Partial<Record<string, (id: string) => string>> = {
  customer: (id) => `/customers/${id}`,
  'customer-import': (id) => `/customer-imports/${id}`,
  'stored-value-import': (id) => `/stored-value/imports/${id}`,
};
const ENTITY_TYPES = Object.keys(ENTITY_LABELS) as EntityType[];

/** The words for a key built from data (a role, a field, an action), or `fallback` when there are none. */
function wordsFor(t: Translate, key: string, fallback: string): string {
  return hasMessage(key) ? t(key) : fallback;
}

interface Names {
  clinic: (id: string) => string | undefined;
  staff: (id: string) => string | undefined;
}

/** An audited value in words: yes/no, role and status names, clinic names for clinic ids. */
function formatValue(field: string, value: unknown, t: Translate, names: Names): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('common.none');
    return value.map((v) => formatValue(field, v, t, names)).join(t('common.listSeparator'));
  }
  if (typeof value === 'string') {
    if (field === 'roles') return wordsFor(t, `role.${value}`, value);
    if (field === 'status' && (value === 'ACTIVE' || value === 'SUSPENDED')) return t(`tenantStatus.${value}`);
    if (field === 'clinicIds') return names.clinic(value) ?? value;
    if (field === 'erasedFields') return wordsFor(t, `audit.field.${value}`, value);
    return value;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `{field: {from, to}}` for a change; `{field: value}` for what a creation set. */
function isFromTo(value: unknown): value is { from?: unknown; to?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => k === 'from' || k === 'to')
  );
}

interface ChangeRow {
  field: string;
  from?: ReactNode;
  to: ReactNode;
}

function EventDetail({ event, names }: { event: AuditEvent; names: Names }) {
  const { t } = useI18n();
  const rows: ChangeRow[] = Object.entries(event.changes ?? {}).map(([field, value]) =>
    isFromTo(value)
      ? { field, from: formatValue(field, value.from, t, names), to: formatValue(field, value.to, t, names) }
      : { field, to: formatValue(field, value, t, names) },
  );
  const fromTo = rows.some((r) => r.from !== undefined);
  return (
    <Flex vertical gap={12} data-testid="audit-changes">
      {rows.length > 0 ? (
        <Table<ChangeRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          style={{ maxWidth: 760 }}
          columns={[
            {
              title: t('audit.changes'),
              dataIndex: 'field',
              width: 160,
              render: (field: string) => wordsFor(t, `audit.field.${field}`, field),
            },
            ...(fromTo ? [{ title: t('audit.before'), dataIndex: 'from' }] : []),
            { title: fromTo ? t('audit.after') : t('audit.value'), dataIndex: 'to' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('audit.col.entityId')}>
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {event.entityId}
          </Typography.Text>
        </Descriptions.Item>
        {event.requestId && (
          <Descriptions.Item label={t('common.requestId')}>
            <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {event.requestId}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Flex>
  );
}

/**
 * The chain's audit log, newest first (the server's order): who did what to which clinic, staff
 * member or the chain, with the changed fields in words. Filters by kind of record, by who, by date,
 * and (from a row) by one record.
 */
export function AuditPage() {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const [entityType, setEntityType] = useState<EntityType | undefined>();
  const [entity, setEntity] = useState<{ id: string; type: string; name: string } | null>(null);
  const [actorId, setActorId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  // Whole days in the browser's time zone: from the first day's start to the day after the last (exclusive).
  const from = range?.[0]?.startOf('day').toISOString();
  const to = range?.[1]?.add(1, 'day').startOf('day').toISOString();
  const entityId = entity?.id;

  const clinics = useAllClinics();
  const staff = useAllStaff();
  const names: Names = {
    clinic: (id) => clinics.data?.items.find((c) => c.id === id)?.name,
    staff: (id) => staff.data?.items.find((s) => s.id === id)?.displayName,
  };
  const entityName = (e: AuditEvent): string | undefined => {
    if (e.entityType === 'clinic') return names.clinic(e.entityId);
    if (e.entityType === 'staff') return names.staff(e.entityId);
    if (e.entityType === 'tenant' && e.entityId === me.tenant?.id) return me.tenant.name;
    return undefined;
  };
  const actors = (staff.data?.items ?? []).filter((s) => s.userId);

  const list = useCursorList<AuditEvent>([...keys.audit, { entityType, entityId, actorId, from, to }], (cursor) =>
    dataOf(
      api.GET('/api/v1/audit-events', {
        params: { query: { limit: PAGE_SIZE, cursor, entityType, entityId, actorId, from, to } },
      }),
    ),
  );

  const entityLabel = (type: string) => wordsFor(t, `audit.entity.${type}`, type);

  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.col.time'), dataIndex: 'occurredAt', width: 180, render: formatDateTimeSeconds },
    {
      title: t('audit.col.actor'),
      key: 'actor',
      width: 180,
      render: (_, e) => e.actorName || <Typography.Text type="secondary">{e.actorId}</Typography.Text>,
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 160,
      // An action the UI has no words for yet shows as its code.
      render: (action: string) =>
        hasMessage(`audit.action.${action}`) ? (
          <span title={action}>{wordsFor(t, `audit.action.${action}`, action)}</span>
        ) : (
          <Typography.Text code>{action}</Typography.Text>
        ),
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      render: (_, e) => {
        const label = entityName(e) ?? `${e.entityId.slice(0, 8)}…`;
        return (
          <Flex gap={8} align="center" wrap>
            <Tag>{entityLabel(e.entityType)}</Tag>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              title={t('audit.filter.thisEntity')}
              onClick={() => setEntity({ id: e.entityId, type: e.entityType, name: label })}
              data-testid={`audit-entity-${e.id}`}
            >
              {label}
            </Button>
            {RECORD_PAGES[e.entityType] && (
              <Link to={RECORD_PAGES[e.entityType]!(e.entityId)} data-testid={`audit-open-${e.id}`}>
                {t('audit.openRecord')}
              </Link>
            )}
          </Flex>
        );
      },
    },
  ];

  const filtered = entityType !== undefined || entity !== null || actorId !== undefined || range !== null;

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<EntityType>
          allowClear
          placeholder={t('audit.filter.entityType')}
          value={entityType}
          onChange={(v) => setEntityType(v ?? undefined)}
          style={{ width: 160 }}
          data-testid="audit-entity-filter"
          options={ENTITY_TYPES.map((v) => ({ value: v, label: entityLabel(v) }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filter.actor')}
          value={actorId}
          onChange={(v) => setActorId(v ?? undefined)}
          loading={staff.isPending}
          style={{ width: 200 }}
          data-testid="audit-actor-filter"
          options={actors.map((s) => ({ value: s.userId!, label: s.displayName }))}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v && (v[0] || v[1]) ? [v[0], v[1]] : null)}
          allowEmpty={[true, true]}
          aria-label={t('audit.filter.range')}
          data-testid="audit-range-filter"
        />
        {entity && (
          <Tag
            closable
            closeIcon={<CloseOutlined data-testid="audit-entity-clear" />}
            onClose={() => setEntity(null)}
            color="processing"
            style={{ marginInlineEnd: 0, padding: '4px 8px' }}
            data-testid="audit-entity-chip"
          >
            {t('audit.filter.onlyEntity', { name: `${entityLabel(entity.type)} ${entity.name}` })}
          </Tag>
        )}
      </Flex>
      <CursorTable<AuditEvent>
        testId="audit"
        list={list}
        columns={columns}
        scrollX={760}
        emptyText={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
        expandable={{ expandedRowRender: (e) => <EventDetail event={e} names={names} /> }}
      />
    </div>
  );
}
