import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { App, Button, Flex, Form, Modal, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { useStaffDirectory, worksAt } from '../customers/useStaffDirectory';
import { useMyClinics } from '../visits/useClinics';
import { ContactFields, OUTCOME_COLORS, type FollowUpOutcome, type FollowUpTask, type TouchpointChannel } from './followUpFields';

type Tab = 'today' | 'overdue' | 'done';
const QUERY: Record<Tab, { due?: 'TODAY' | 'OVERDUE'; status: 'OPEN' | 'DONE' }> = {
  today: { due: 'TODAY', status: 'OPEN' },
  overdue: { due: 'OVERDUE', status: 'OPEN' },
  done: { status: 'DONE' },
};

export const followUpKeys = { tasks: ['follow-ups', 'tasks'] as const, rules: ['follow-ups', 'rules'] as const };

/** The consultant's work queue: today's follow-ups, the overdue ones, and those done with their results. */
export function WorkQueuePage() {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const clinics = useMyClinics();
  const [tab, setTab] = useState<Tab>('today');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  // In the clinics' view: one colleague's queue (picked from the workload) and one clinic, or all of them.
  const [colleagueId, setColleagueId] = useState<string>();
  const [clinicId, setClinicId] = useState<string>();
  const [recording, setRecording] = useState<FollowUpTask | null>(null);
  const [reassigning, setReassigning] = useState<FollowUpTask | null>(null);
  const assigneeId = scope === 'mine' ? 'me' : colleagueId;
  const clinic = scope === 'all' ? clinicId : undefined;
  const list = useCursorList<FollowUpTask>([...followUpKeys.tasks, tab, scope, assigneeId, clinic], (cursor) =>
    dataOf(api.GET('/api/v1/follow-ups/tasks', { params: { query: { ...QUERY[tab], assigneeId, clinicId: clinic, cursor, limit: PAGE_SIZE } } })),
  );
  const columns: ColumnsType<FollowUpTask> = [
    {
      title: t('followUps.col.customer'),
      key: 'customer',
      render: (_, task) => <Link to={`/customers/${task.customerId}`}>{task.customerName}</Link>,
    },
    {
      title: t('followUps.col.task'),
      key: 'task',
      render: (_, task) => (
        <Space wrap size={4}>
          <span>{task.title}</span>
          <Tag>{t(`followUpTrigger.${task.trigger}`)}</Tag>
        </Space>
      ),
    },
    {
      title: t('followUps.col.due'),
      key: 'due',
      render: (_, task) => <Typography.Text type={task.overdue ? 'danger' : undefined}>{task.dueDate}</Typography.Text>,
    },
    { title: t('contact.clinic'), key: 'clinic', render: (_, task) => (task.clinicId ? clinics.nameOf(task.clinicId) : t('common.none')) },
    { title: t('followUps.col.assignee'), key: 'assignee', render: (_, task) => task.assigneeName ?? t('followUps.unassigned') },
    {
      title: tab === 'done' ? t('followUps.col.result') : '',
      key: 'action',
      render: (_, task) =>
        task.status === 'DONE' && task.outcome ? (
          <Space orientation="vertical" size={0}>
            <Tag color={OUTCOME_COLORS[task.outcome]} data-testid={`follow-up-outcome-${task.id}`}>
              {t(`followUpOutcome.${task.outcome}`)}
            </Tag>
            {task.outcomeNote && <Typography.Text type="secondary">{task.outcomeNote}</Typography.Text>}
          </Space>
        ) : (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => setRecording(task)} data-testid={`follow-up-record-${task.id}`}>
              {t('followUps.record')}
            </Button>
            {permissions.canManageFollowUps && (
              <Button size="small" onClick={() => setReassigning(task)} data-testid={`follow-up-reassign-${task.id}`}>
                {t('followUps.reassign')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <div data-testid="follow-ups-page">
      <PageHeader
        title={t('followUps.title')}
        extra={
          permissions.canManageFollowUps && (
            <Segmented
              data-testid="follow-ups-scope"
              value={scope}
              onChange={(v) => setScope(v as 'mine' | 'all')}
              options={[
                { value: 'mine', label: t('followUps.scope.mine') },
                { value: 'all', label: t('followUps.scope.all') },
              ]}
            />
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('followUps.hint')}</Typography.Paragraph>
      {scope === 'all' && (
        <Workload
          clinicId={clinicId}
          onClinic={setClinicId}
          colleagueId={colleagueId}
          onColleague={setColleagueId}
          clinicOptions={clinics.open.map((c) => ({ value: c.id, label: c.name, title: c.name }))}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={(['today', 'overdue', 'done'] as Tab[]).map((k) => ({ key: k, label: <span data-testid={`follow-ups-tab-${k}`}>{t(`followUps.tab.${k}`)}</span> }))}
      />
      <CursorTable testId="follow-ups-list" list={list} columns={columns} emptyText={t('followUps.none')} />
      {recording && <OutcomeModal task={recording} onClose={() => setRecording(null)} />}
      {reassigning && <ReassignModal task={reassigning} onClose={() => setReassigning(null)} />}
    </div>
  );
}

interface OutcomeValues {
  outcome?: FollowUpOutcome;
  channel?: TouchpointChannel;
  note?: string;
}

/** One dialog: how she was contacted, what came of it, a note; the task is done and the contact on her timeline. */
function OutcomeModal({ task, onClose }: { task: FollowUpTask; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OutcomeValues>();
  const save = useMutation({
    mutationFn: (v: OutcomeValues) =>
      dataOf(
        api.POST('/api/v1/follow-ups/tasks/{taskId}/outcome', {
          params: { path: { taskId: task.id } },
          body: { outcome: v.outcome!, channel: v.channel!, note: v.note || undefined },
        }),
      ),
    onSuccess: () => {
      message.success(t('followUps.recorded', { name: task.customerName ?? '' }));
      void queryClient.invalidateQueries({ queryKey: followUpKeys.tasks });
      void queryClient.invalidateQueries({ queryKey: keys.timeline });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('followUps.recordTitle', { name: task.customerName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'follow-up-outcome-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} testId="follow-up-outcome-error" />}
      <Form<OutcomeValues> form={form} layout="vertical" initialValues={{ channel: 'CALL' }} onFinish={(v) => save.mutate(v)}>
        <ContactFields outcomeRequired testId="follow-up" />
      </Form>
    </Modal>
  );
}

/** A manager gives an open task to a colleague who works at its clinic. */
function ReassignModal({ task, onClose }: { task: FollowUpTask; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const directory = useStaffDirectory();
  const [assigneeId, setAssigneeId] = useState<string>();
  const candidates = directory.colleagues.filter((c) => c.id !== task.assigneeId && (!task.clinicId || worksAt(c, task.clinicId)));
  const save = useMutation({
    mutationFn: () => dataOf(api.POST('/api/v1/follow-ups/tasks/{taskId}/reassign', { params: { path: { taskId: task.id } }, body: { assigneeId: assigneeId! } })),
    onSuccess: (changed) => {
      message.success(t('followUps.reassigned', { name: changed.assigneeName ?? '' }));
      void queryClient.invalidateQueries({ queryKey: followUpKeys.tasks });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('followUps.reassignTitle', { name: task.customerName ?? '' })}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okButtonProps={{ disabled: !assigneeId, loading: save.isPending, 'data-testid': 'follow-up-reassign-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} testId="follow-up-reassign-error" />}
      <Select<string>
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('followUps.col.assignee')}
        value={assigneeId}
        onChange={setAssigneeId}
        loading={directory.loading}
        data-testid="follow-up-reassign-to"
        options={candidates.map((c) => ({ value: c.id, label: c.displayName, title: c.displayName }))}
      />
    </Modal>
  );
}

/**
 * Open tasks due today and overdue per colleague at the manager's clinics (one clinic, or all); picking a colleague
 * shows her queue below.
 */
function Workload({
  clinicId,
  onClinic,
  colleagueId,
  onColleague,
  clinicOptions,
}: {
  clinicId?: string;
  onClinic: (id?: string) => void;
  colleagueId?: string;
  onColleague: (id?: string) => void;
  clinicOptions: { value: string; label: string; title: string }[];
}) {
  const { t } = useI18n();
  const api = useApi();
  const workload = useQuery({
    queryKey: [...followUpKeys.tasks, 'workload', clinicId],
    queryFn: () => dataOf(api.GET('/api/v1/follow-ups/workload', { params: { query: { clinicId } } })),
  });
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="follow-ups-workload">
      <Select<string>
        allowClear
        placeholder={t('followUps.allClinics')}
        style={{ width: 180 }}
        value={clinicId}
        onChange={(v) => onClinic(v)}
        options={clinicOptions}
        data-testid="follow-ups-clinic"
      />
      {(workload.data ?? [])
        .filter((w) => w.assigneeId)
        .map((w) => (
          <Tag.CheckableTag
            key={w.assigneeId}
            checked={colleagueId === w.assigneeId}
            onChange={(on) => onColleague(on ? w.assigneeId! : undefined)}
            data-testid={`follow-ups-workload-${w.assigneeId}`}
          >
            {t('followUps.workload', { name: w.assigneeName ?? '', today: w.dueToday, overdue: w.overdue })}
          </Tag.CheckableTag>
        ))}
      {(workload.data ?? []).some((w) => !w.assigneeId) && (
        <Tag color="orange">{t('followUps.workloadUnassigned', { count: workload.data!.filter((w) => !w.assigneeId).reduce((n, w) => n + w.dueToday + w.overdue, 0) })}</Tag>
      )}
    </Flex>
  );
}
