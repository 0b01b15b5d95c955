import { DatePicker, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type AuditEvent } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeSeconds } from '../../components/format';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';

type EntityType = 'tenant' | 'clinic' | 'staff';
const ENTITY_TYPES: EntityType[] = ['tenant', 'clinic', 'staff'];

/** The chain's audit log, newest first (the server's order), with the changed fields per entry. */
export function AuditPage() {
  const { t } = useI18n();
  const api = useApi();
  const [entityType, setEntityType] = useState<EntityType | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  // Whole days in the browser's time zone: from the first day's start to the day after the last (exclusive).
  const from = range?.[0]?.startOf('day').toISOString();
  const to = range?.[1]?.add(1, 'day').startOf('day').toISOString();

  const { query, items } = useCursorList<AuditEvent>([...keys.audit, { entityType, from, to }], (cursor) =>
    dataOf(api.GET('/api/v1/audit-events', { params: { query: { limit: PAGE_SIZE, cursor, entityType, from, to } } })),
  );

  const entityLabel = (type: string) =>
    (ENTITY_TYPES as string[]).includes(type) ? t(`audit.entity.${type as EntityType}`) : type;

  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.col.time'), dataIndex: 'occurredAt', width: 180, render: formatDateTimeSeconds },
    {
      title: t('audit.col.actor'),
      key: 'actor',
      width: 180,
      render: (_, e) => e.actorName || <Typography.Text type="secondary">{e.actorId}</Typography.Text>,
    },
    { title: t('audit.col.action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    { title: t('audit.col.entityType'), dataIndex: 'entityType', width: 120, render: (v: string) => <Tag>{entityLabel(v)}</Tag> },
    {
      title: t('audit.col.entityId'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (id: string) => (
        <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {id.slice(0, 8)}…
        </Typography.Text>
      ),
    },
    {
      title: t('common.requestId'),
      dataIndex: 'requestId',
      ellipsis: true,
      render: (v?: string | null) => (v ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> : t('common.none')),
    },
  ];

  const filtered = entityType !== undefined || range !== null;

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<EntityType>
          allowClear
          placeholder={t('audit.filter.entityType')}
          value={entityType}
          onChange={(v) => setEntityType(v ?? undefined)}
          style={{ width: 180 }}
          data-testid="audit-entity-filter"
          options={ENTITY_TYPES.map((v) => ({ value: v, label: t(`audit.entity.${v}`) }))}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v && (v[0] || v[1]) ? [v[0], v[1]] : null)}
          allowEmpty={[true, true]}
          data-testid="audit-range-filter"
        />
      </Flex>
      {query.isError && items.length === 0 ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} testId="audit-error" />
      ) : (
        <>
          {query.isError && (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={query.error} onRetry={() => query.fetchNextPage()} testId="audit-error" />
            </div>
          )}
          <div data-testid="audit-table">
            <Table<AuditEvent>
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={query.isPending}
              pagination={false}
              scroll={{ x: 960 }}
              expandable={{
                rowExpandable: (e) => e.changes != null && Object.keys(e.changes).length > 0,
                expandedRowRender: (e) => (
                  <div>
                    <Typography.Text type="secondary">{t('audit.changes')}</Typography.Text>
                    <pre
                      data-testid="audit-changes"
                      style={{ margin: '8px 0 0', padding: 12, background: '#fafafa', borderRadius: 6, fontSize: 12, overflowX: 'auto' }}
                    >
                      {JSON.stringify(e.changes, null, 2)}
                    </pre>
                  </div>
                ),
              }}
              locale={{
                emptyText: query.isPending ? (
                  <div style={{ height: 120 }} />
                ) : (
                  <div data-testid="audit-empty">
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
                    />
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
            testId="audit-load-more"
          />
        </>
      )}
    </div>
  );
}
