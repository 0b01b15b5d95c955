import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Descriptions, Flex, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { keys, useAllClinics } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { attachmentName, saveBlob } from '../../components/download';
import { errorText } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { CustomSegmentEditor } from './CustomSegmentEditor';
import { SegmentCoupons, SegmentFollowUps } from './SegmentActions';
import { isBuiltIn, membersTotal, useSegmentCounts, useSegmentMembers, type SegmentCount, type SegmentMember } from './segmentQueries';

/**
 * 会员分析: pick a clinic (by home clinic) and a segment, built-in or saved, see its members best score first, open
 * one member's standing, export the segment or act on it in bulk. Counts and members are computed now by the server.
 */
export function MemberAnalyticsPage() {
  const { t } = useI18n();
  const clinics = useAllClinics();
  const [clinicId, setClinicId] = useState<string | undefined>(undefined);
  const [segment, setSegment] = useState<string>('ACTIVE');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [opened, setOpened] = useState<SegmentMember | null>(null);
  const counts = useSegmentCounts(clinicId);
  const list = useSegmentMembers(segment, clinicId);
  const total = membersTotal(list);
  const chosen = counts.data?.items.find((s) => s.key === segment);
  const label = (s: SegmentCount) => (s.kind === 'BUILT_IN' && isBuiltIn(s.key) ? t(`segments.name.${s.key}`) : s.name);

  return (
    <div data-testid="member-analytics-page">
      <PageHeader
        title={t('segments.title')}
        extra={
          <Space wrap>
            <SegmentExport segment={segment} clinicId={clinicId} />
            <SegmentCoupons segment={segment} clinicId={clinicId} count={total} />
            <SegmentFollowUps segment={segment} clinicId={clinicId} count={total} />
          </Space>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 200 }}
          allowClear
          placeholder={t('segments.allClinics')}
          aria-label={t('segments.clinic')}
          data-testid="segments-clinic"
          loading={clinics.isPending}
          value={clinicId}
          onChange={(v) => setClinicId(v)}
          options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          style={{ width: 280 }}
          aria-label={t('segments.picker')}
          data-testid="segments-picker"
          virtual={false}
          loading={counts.isPending}
          value={segment}
          onChange={(v) => setSegment(v)}
          options={[
            {
              label: t('segments.builtIn'),
              options: (counts.data?.items ?? []).filter((s) => s.kind === 'BUILT_IN').map((s) => ({
                value: s.key,
                label: `${label(s)} · ${t('segments.count', { count: s.members })}`,
              })),
            },
            {
              label: t('segments.custom'),
              options: (counts.data?.items ?? []).filter((s) => s.kind === 'CUSTOM').map((s) => ({
                value: s.key,
                label: `${s.name} · ${t('segments.count', { count: s.members })}`,
              })),
            },
          ]}
        />
        {chosen?.kind === 'CUSTOM' && (
          <Button onClick={() => setEditing(chosen.key)} data-testid="segments-edit">
            {t('segments.editor.edit')}
          </Button>
        )}
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="segments-new">
          {t('segments.editor.new')}
        </Button>
        <Typography.Text type="secondary" data-testid="segments-total">
          {t('segments.members.total', { count: total })}
        </Typography.Text>
      </Flex>
      <CursorTable<SegmentMember>
        testId="segment-members"
        list={list}
        columns={useColumns(setOpened)}
        emptyText={t('segments.members.empty')}
        scrollX={1100}
      />
      <MemberDrawer member={opened} onClose={() => setOpened(null)} />
      {editing !== null && (
        <CustomSegmentEditor
          segmentId={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(id) => setSegment(id)}
          onDeleted={() => setSegment('ACTIVE')}
        />
      )}
    </div>
  );
}

function useColumns(open: (m: SegmentMember) => void): ColumnsType<SegmentMember> {
  const { t, locale } = useI18n();
  return [
    {
      title: t('segments.col.name'),
      key: 'name',
      render: (_, m) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => open(m)} data-testid={`segment-member-${m.id}`}>
          {m.name}
        </Button>
      ),
    },
    { title: t('segments.col.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('segments.col.tier'), key: 'tier', render: (_, m) => m.tier?.name ?? t('common.none') },
    { title: t('segments.col.score'), dataIndex: 'score', key: 'score', render: (v: number | null) => v ?? t('common.none') },
    { title: t('segments.col.spend'), key: 'spend', render: (_, m) => (m.spend ? formatMoney(m.spend, locale) : t('common.none')) },
    { title: t('segments.col.visits'), dataIndex: 'visits', key: 'visits', render: (v: number | null) => v ?? t('common.none') },
    { title: t('segments.col.items'), dataIndex: 'items', key: 'items', render: (v: number | null) => v ?? t('common.none') },
    { title: t('segments.col.lastVisit'), dataIndex: 'lastVisitAt', key: 'lastVisitAt', render: (v: string | null) => formatDate(v) || t('common.none') },
    { title: t('segments.col.clinic'), dataIndex: 'homeClinicName', key: 'clinic', render: (v: string | null) => v ?? t('common.none') },
    { title: t('segments.col.owner'), dataIndex: 'ownerName', key: 'owner', render: (v: string | null) => v ?? t('common.none') },
  ];
}

/** One member's standing in her current member year, from the list's row. */
function MemberDrawer({ member, onClose }: { member: SegmentMember | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Drawer
      open={member !== null}
      onClose={onClose}
      size={640}
      title={member ? t('segments.drawer.title', { name: member.name }) : ''}
      destroyOnHidden
    >
      {member && (
        <div data-testid="segment-member-drawer">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('segments.col.memberYear')}>
              {member.memberYear ? t('segments.memberYear', { year: member.memberYear }) : t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('segments.col.score')}>{member.score ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('segments.col.spend')}>{member.spend ? formatMoney(member.spend, locale) : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('segments.col.visits')}>{member.visits ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('segments.col.items')}>{member.items ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('segments.col.tier')}>{member.tier?.name ?? t('common.none')}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 16 }}>
            <Link to={`/customers/${member.id}`} data-testid="segment-member-open-customer">
              {t('segments.drawer.openCustomer')}
            </Link>
          </div>
        </div>
      )}
    </Drawer>
  );
}

/** Downloads every member of the segment as CSV (with the user's token; the server audits the export). */
function SegmentExport({ segment, clinicId }: { segment: string; clinicId?: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/analytics/segments/{segment}/export', {
        params: { path: { segment }, query: { clinicId } },
        headers: { Accept: 'text/csv, application/problem+json' },
        parseAs: 'blob',
      });
      return {
        file: data as Blob,
        fileName: attachmentName(response.headers.get('Content-Disposition')) ?? `segment-${segment}.csv`,
        count: response.headers.get('X-Total-Count') ?? '0',
      };
    },
    onSuccess: ({ file, fileName, count }) => {
      saveBlob(file, fileName);
      message.success(t('segments.export.done', { count }));
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (e) => message.error(errorText(e, t)),
  });
  return (
    <Button icon={<ExportOutlined />} loading={download.isPending} onClick={() => download.mutate()} data-testid="segments-export">
      {t('segments.export')}
    </Button>
  );
}
