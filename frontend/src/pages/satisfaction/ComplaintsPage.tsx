import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList } from '../../api/queries';
import type { components } from '../../api/schema';
import { CursorTable } from '../../components/CursorTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { periodBounds, presets, type Period } from '../conversion/conversionPeriod';
import { useStaffDirectory, worksAt } from '../customers/useStaffDirectory';
import { useMyClinics } from '../visits/useClinics';

type Complaint = components['schemas']['Complaint'];
type ComplaintStatus = components['schemas']['ComplaintStatus'];
type ComplaintSeverity = components['schemas']['ComplaintSeverity'];
type SummaryBy = components['schemas']['SatisfactionSummary']['by'];
type SummaryRow = components['schemas']['SatisfactionSummaryRow'];

const STATUSES: ComplaintStatus[] = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
export const SEVERITIES: ComplaintSeverity[] = ['HIGH', 'MEDIUM', 'LOW'];
const SEVERITY_COLORS: Record<ComplaintSeverity, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'gold' };
const STATUS_COLORS: Record<ComplaintStatus, string> = { OPEN: 'red', IN_PROGRESS: 'blue', RESOLVED: 'green', CLOSED: 'default' };

export const complaintKeys = { all: ['satisfaction', 'complaints'] as const, summary: ['satisfaction', 'summary'] as const };

/** Managers' page: the complaints board (filters and the workflow's actions) and the satisfaction summary. */
export function ComplaintsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<'board' | 'summary'>('board');
  return (
    <div data-testid="complaints-page">
      <PageHeader title={t('complaints.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'board' | 'summary')}
        items={[
          { key: 'board', label: <span data-testid="complaints-tab-board">{t('complaints.tab.board')}</span>, children: <Board /> },
          { key: 'summary', label: <span data-testid="complaints-tab-summary">{t('complaints.tab.summary')}</span>, children: <Summary /> },
        ]}
      />
    </div>
  );
}

type Action = { kind: 'resolve' | 'close' | 'reassign'; complaint: Complaint };

function Board() {
  const { t } = useI18n();
  const api = useApi();
  const clinics = useMyClinics();
  const [status, setStatus] = useState<ComplaintStatus>();
  const [severity, setSeverity] = useState<ComplaintSeverity>();
  const [clinicId, setClinicId] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const take = useStatusChange();
  const list = useCursorList<Complaint>([...complaintKeys.all, status, severity, clinicId, overdue], (cursor) =>
    dataOf(
      api.GET('/api/v1/satisfaction/complaints', {
        params: { query: { status, severity, clinicId, overdue: overdue || undefined, cursor, limit: PAGE_SIZE } },
      }),
    ),
  );
  const columns: ColumnsType<Complaint> = [
    { title: t('complaints.col.customer'), key: 'customer', render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link> },
    {
      title: t('complaints.col.severity'),
      key: 'severity',
      render: (_, c) => (
        <Space size={4} wrap>
          <Tag color={SEVERITY_COLORS[c.severity]}>{t(`complaintSeverity.${c.severity}`)}</Tag>
          <Tag>{t(`complaintCategory.${c.category}`)}</Tag>
        </Space>
      ),
    },
    {
      title: t('complaints.col.description'),
      key: 'description',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.description}</span>
          {c.resolutionNote && <Typography.Text type="secondary">{c.resolutionNote}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('complaints.col.status'),
      key: 'status',
      render: (_, c) => (
        <Tag color={STATUS_COLORS[c.status]} data-testid={`complaint-status-${c.id}`}>
          {t(`complaintStatus.${c.status}`)}
        </Tag>
      ),
    },
    { title: t('complaints.col.owner'), key: 'owner', render: (_, c) => c.ownerName ?? t('complaints.unassigned') },
    {
      title: t('complaints.col.due'),
      key: 'due',
      render: (_, c) => (
        <Space size={4} wrap>
          <Typography.Text type={c.overdue ? 'danger' : undefined}>{formatDateTime(c.dueAt)}</Typography.Text>
          {c.overdue && <Tag color="red" data-testid={`complaint-overdue-${c.id}`}>{t('complaints.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.status === 'OPEN' && (
            <Button size="small" type="primary" loading={take.isPending} onClick={() => take.mutate({ complaint: c, status: 'IN_PROGRESS' })} data-testid={`complaint-take-${c.id}`}>
              {t('complaints.take')}
            </Button>
          )}
          {c.status === 'IN_PROGRESS' && (
            <Button size="small" type="primary" onClick={() => setAction({ kind: 'resolve', complaint: c })} data-testid={`complaint-resolve-${c.id}`}>
              {t('complaints.resolve')}
            </Button>
          )}
          {c.status !== 'CLOSED' && (
            <Button size="small" onClick={() => setAction({ kind: 'close', complaint: c })} data-testid={`complaint-close-${c.id}`}>
              {t('complaints.close')}
            </Button>
          )}
          {(c.status === 'OPEN' || c.status === 'IN_PROGRESS') && (
            <Button size="small" onClick={() => setAction({ kind: 'reassign', complaint: c })} data-testid={`complaint-reassign-${c.id}`}>
              {t('complaints.reassign')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('complaints.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<ComplaintStatus>
          allowClear
          placeholder={t('complaints.allStatuses')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`complaintStatus.${s}`) }))}
          data-testid="complaints-filter-status"
        />
        <Select<ComplaintSeverity>
          allowClear
          placeholder={t('complaints.allSeverities')}
          style={{ width: 140 }}
          value={severity}
          onChange={setSeverity}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`complaintSeverity.${s}`) }))}
          data-testid="complaints-filter-severity"
        />
        <Select<string>
          allowClear
          placeholder={t('complaints.allClinics')}
          style={{ width: 180 }}
          value={clinicId}
          onChange={setClinicId}
          options={clinics.open.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="complaints-filter-clinic"
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="complaints-filter-overdue">
          {t('complaints.overdueOnly')}
        </Checkbox>
      </Flex>
      {take.isError && <ErrorAlert error={take.error} testId="complaint-take-error" closable />}
      <CursorTable testId="complaints-list" list={list} columns={columns} emptyText={t('complaints.none')} />
      {action?.kind === 'reassign' ? (
        <ReassignModal complaint={action.complaint} onClose={() => setAction(null)} />
      ) : (
        action && <NoteModal kind={action.kind} complaint={action.complaint} onClose={() => setAction(null)} />
      )}
    </>
  );
}

function useStatusChange(onDone?: () => void) {
  const api = useApi();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ complaint, status, note }: { complaint: Complaint; status: ComplaintStatus; note?: string }) =>
      dataOf(
        api.POST('/api/v1/satisfaction/complaints/{complaintId}/status', {
          params: { path: { complaintId: complaint.id } },
          body: { status, note: note || null },
        }),
      ),
    onSuccess: () => {
      message.success(t('complaints.changed'));
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      void queryClient.invalidateQueries({ queryKey: keys.timeline });
      onDone?.();
    },
  });
}

/** Resolving needs the note; so does closing a complaint that was never resolved. */
function NoteModal({ kind, complaint, onClose }: { kind: 'resolve' | 'close'; complaint: Complaint; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();
  const change = useStatusChange(onClose);
  const noteRequired = kind === 'resolve' || complaint.status !== 'RESOLVED';
  const name = complaint.customerName ?? '';
  return (
    <Modal
      open
      title={t(kind === 'resolve' ? 'complaints.resolveTitle' : 'complaints.closeTitle', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: change.isPending, 'data-testid': 'complaint-note-save' } as ButtonProps}
      destroyOnHidden
    >
      {change.isError && <ErrorAlert error={change.error} testId="complaint-note-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate({ complaint, status: kind === 'resolve' ? 'RESOLVED' : 'CLOSED', note: v.note })}>
        <Form.Item name="note" label={t('complaints.note')} rules={noteRequired ? [{ required: true, whitespace: true, message: t('complaints.noteRequired') }] : []}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 6 }} data-testid="complaint-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A manager gives the complaint to a colleague who works at its clinic. */
function ReassignModal({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const directory = useStaffDirectory();
  const [ownerId, setOwnerId] = useState<string>();
  const candidates = directory.colleagues.filter((c) => c.id !== complaint.ownerId && worksAt(c, complaint.clinicId));
  const save = useMutation({
    mutationFn: () =>
      dataOf(api.POST('/api/v1/satisfaction/complaints/{complaintId}/reassign', { params: { path: { complaintId: complaint.id } }, body: { ownerId: ownerId! } })),
    onSuccess: () => {
      message.success(t('complaints.changed'));
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('complaints.reassignTitle', { name: complaint.customerName ?? '' })}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okButtonProps={{ disabled: !ownerId, loading: save.isPending, 'data-testid': 'complaint-reassign-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} testId="complaint-reassign-error" />}
      <Select<string>
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('complaints.col.owner')}
        value={ownerId}
        onChange={setOwnerId}
        loading={directory.loading}
        data-testid="complaint-reassign-to"
        options={candidates.map((c) => ({ value: c.id, label: c.displayName }))}
      />
    </Modal>
  );
}

/** Averages of a period's answered surveys (this year's by default) per clinic, consultant, item or month. */
function Summary() {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const timeZone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const periods = presets(timeZone);
  const [by, setBy] = useState<SummaryBy>('CLINIC');
  const [period, setPeriod] = useState<Period>(periods.find((p) => p.key === 'thisYear')!.period);
  const bounds = periodBounds(period, timeZone);
  const summary = useQuery({
    queryKey: [...complaintKeys.summary, by, bounds],
    queryFn: () => dataOf(api.GET('/api/v1/satisfaction/summary', { params: { query: { by, ...bounds } } })),
  });
  const columns: ColumnsType<SummaryRow> = [
    {
      title: t('summary.col.group'),
      key: 'group',
      render: (_, r) => (by === 'MONTH' ? r.key : (r.name ?? (by === 'CONSULTANT' && r.key === null ? t('summary.noConsultant') : r.key))),
    },
    { title: t('summary.col.surveys'), dataIndex: 'surveys', key: 'surveys', align: 'right' },
    { title: t('summary.col.result'), dataIndex: 'averageResult', key: 'result', align: 'right' },
    { title: t('summary.col.experience'), dataIndex: 'averageExperience', key: 'experience', align: 'right' },
    { title: t('summary.col.nps'), dataIndex: 'nps', key: 'nps', align: 'right' },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('summary.hint')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
          presets={periods.map(({ key, period: p }) => ({ label: t(`conversion.preset.${key}`), value: [dayjs(p.from), dayjs(p.to)] as [Dayjs, Dayjs] }))}
          aria-label={t('conversion.period')}
          data-testid="summary-period"
        />
        <span>{t('summary.by')}</span>
        <Select<SummaryBy>
          style={{ width: 140 }}
          value={by}
          onChange={setBy}
          options={(['CLINIC', 'CONSULTANT', 'ITEM', 'MONTH'] as SummaryBy[]).map((b) => ({ value: b, label: t(`summary.by.${b}`) }))}
          data-testid="summary-by"
        />
      </Flex>
      {summary.isError ? (
        <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} testId="summary-error" />
      ) : (
        <Table<SummaryRow>
          data-testid="summary-table"
          rowKey={(r) => r.key ?? 'none'}
          loading={summary.isPending}
          dataSource={summary.data?.rows ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('summary.none') }}
        />
      )}
    </>
  );
}
