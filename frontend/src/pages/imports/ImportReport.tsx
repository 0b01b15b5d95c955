import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Modal, Result, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { keys } from '../../api/queries';
import { csvBlob, saveBlob } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useUserNames } from '../customers/useStaffDirectory';
import { columnLabel, issueText, rowsToWrite, type CustomerImport, type ImportIssue } from './importFormat';

/** An uploaded import and its report; nothing is read without an id. */
export function useCustomerImport(importId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: keys.customerImport(importId ?? ''),
    enabled: importId !== undefined,
    queryFn: () =>
      dataOf(api.GET('/api/v1/customer-imports/{importId}', { params: { path: { importId: importId! } } })),
  });
}

/**
 * The server's report of an uploaded file: what a commit would do (or did), every issue by row and
 * column, the columns it ignored, and the commit itself, confirmed with the counts.
 */
export function ImportReport({ importId, job }: { importId: string; job: UseQueryResult<CustomerImport> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);

  if (job.isPending) {
    return (
      <Spin>
        <div style={{ height: 240 }} data-testid="import-loading" />
      </Spin>
    );
  }
  if (job.isError) {
    return (
      <Flex vertical gap={16} align="start">
        <ErrorAlert error={job.error} onRetry={() => job.refetch()} testId="import-error" />
        <Link to="/customer-imports">{t('import.another')}</Link>
      </Flex>
    );
  }
  const data = job.data;
  const committed = data.status === 'COMMITTED';

  return (
    <Flex vertical gap={16} data-testid="import-report">
      {committed && <CommittedResult job={data} />}
      <Summary job={data} />
      {data.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.ignored.title')}
          description={
            <>
              <Flex gap={4} wrap style={{ marginBottom: 4 }} data-testid="import-ignored-columns">
                {data.ignoredColumns.map((column) => (
                  <Tag key={column}>{column}</Tag>
                ))}
              </Flex>
              {t('import.ignored.hint')}
            </>
          }
        />
      )}
      <Issues job={data} />
      {!committed && (
        <Flex gap={12} wrap align="center">
          <Button
            type="primary"
            icon={<ImportOutlined />}
            disabled={rowsToWrite(data) === 0}
            onClick={() => setConfirming(true)}
            data-testid="import-commit-button"
          >
            {t('import.commit.button', { count: rowsToWrite(data) })}
          </Button>
          <Link to="/customer-imports" data-testid="import-choose-again">
            {t('import.chooseAgain')}
          </Link>
          {rowsToWrite(data) === 0 && (
            <Typography.Text type="secondary" data-testid="import-nothing-to-write">
              {t('import.commit.nothing')}
            </Typography.Text>
          )}
        </Flex>
      )}
      <CommitDialog importId={importId} job={job} open={confirming} onClose={() => setConfirming(false)} />
    </Flex>
  );
}

function Summary({ job }: { job: CustomerImport }) {
  const { t } = useI18n();
  const nameOfUser = useUserNames();
  const committed = job.status === 'COMMITTED';
  const stats = [
    { key: 'total', title: t('import.stat.total'), value: job.totalRows },
    { key: 'new', title: t(committed ? 'import.stat.new.committed' : 'import.stat.new'), value: job.newRows },
    { key: 'changed', title: t(committed ? 'import.stat.changed.committed' : 'import.stat.changed'), value: job.changedRows },
    { key: 'unchanged', title: t('import.stat.unchanged'), value: job.unchangedRows },
    {
      key: 'invalid',
      title: t(committed ? 'import.stat.invalid.committed' : 'import.stat.invalid'),
      value: job.invalidRows,
      danger: job.invalidRows > 0,
    },
  ];
  return (
    <Card
      title={job.fileName || t('import.noFileName')}
      extra={
        <Tag color={committed ? 'green' : 'gold'} data-testid="import-status">
          {t(committed ? 'import.status.COMMITTED' : 'import.status.VALIDATED')}
        </Tag>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} sm={8} md={4}>
            <Statistic
              title={s.title}
              value={s.value}
              styles={s.danger ? { content: { color: '#cf1322' } } : undefined}
              data-testid={`import-stat-${s.key}`}
            />
          </Col>
        ))}
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('import.uploadedBy')}>{nameOfUser(job.createdBy)}</Descriptions.Item>
        <Descriptions.Item label={t('import.uploadedAt')}>{formatDateTime(job.createdAt)}</Descriptions.Item>
        {job.committedBy && (
          <Descriptions.Item label={t('import.committedBy')}>{nameOfUser(job.committedBy)}</Descriptions.Item>
        )}
        {job.committedAt && (
          <Descriptions.Item label={t('import.committedAt')}>{formatDateTime(job.committedAt)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('import.id')}>
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {job.id}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function CommittedResult({ job }: { job: CustomerImport }) {
  const { t } = useI18n();
  return (
    <Result
      status="success"
      title={t('import.done.title')}
      subTitle={
        <span data-testid="import-done-summary">
          {t('import.done.summary', { created: job.newRows, updated: job.changedRows, skipped: job.invalidRows })}
        </span>
      }
      extra={[
        <Link key="customers" to="/customers">
          <Button type="primary">{t('import.done.customers')}</Button>
        </Link>,
        <Link key="another" to="/customer-imports">
          <Button>{t('import.another')}</Button>
        </Link>,
      ]}
      style={{ padding: '16px 0' }}
    />
  );
}

interface IssueRow extends ImportIssue {
  key: string;
  reason: string;
}

function Issues({ job }: { job: CustomerImport }) {
  const { t } = useI18n();
  const rows: IssueRow[] = job.issues.map((issue, i) => ({ ...issue, key: `${i}`, reason: issueText(issue.message, t) }));
  const columns = [...new Set(job.issues.map((i) => i.field))];

  const download = () =>
    saveBlob(
      csvBlob([
        [t('import.issues.row'), t('import.issues.column'), t('import.issues.reason')],
        ...rows.map((r) => [r.row, columnLabel(r.field, t), r.reason]),
      ]),
      t('import.issues.fileName', { name: (job.fileName ?? job.id).replace(/\.csv$/i, '') }),
    );

  if (job.issueCount === 0) {
    return job.totalRows === 0 ? (
      <Alert type="warning" showIcon title={t('import.issues.noRows')} data-testid="import-no-rows" />
    ) : (
      <Alert type="success" showIcon title={t('import.issues.none')} data-testid="import-no-issues" />
    );
  }
  return (
    <Card
      title={t('import.issues.title', { count: job.issueCount, rows: job.invalidRows })}
      extra={
        <Button icon={<DownloadOutlined />} onClick={download} data-testid="import-issues-download">
          {t('import.issues.download')}
        </Button>
      }
      data-testid="import-issues"
    >
      {job.issues.length < job.issueCount && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.issues.truncated', { shown: job.issues.length, count: job.issueCount })}
          data-testid="import-issues-truncated"
        />
      )}
      <Table<IssueRow>
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="import-issues-table"
        columns={[
          {
            title: t('import.issues.row'),
            dataIndex: 'row',
            width: 100,
            sorter: (a, b) => a.row - b.row,
          },
          {
            title: t('import.issues.column'),
            dataIndex: 'field',
            width: 180,
            filters: columns.map((c) => ({ text: columnLabel(c, t), value: c })),
            onFilter: (value, r) => r.field === value,
            render: (field: string) => columnLabel(field, t),
          },
          { title: t('import.issues.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}

/**
 * Confirms the commit with what it will do. A 409 means the import was committed meanwhile (by
 * someone else, or in another tab), or a customer changed during the commit, which then wrote nothing:
 * the import is read again to tell which.
 */
function CommitDialog({
  importId,
  job,
  open,
  onClose,
}: {
  importId: string;
  job: UseQueryResult<CustomerImport>;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const data = job.data;

  const commit = useMutation({
    mutationFn: () =>
      dataOf(api.POST('/api/v1/customer-imports/{importId}/commit', { params: { path: { importId } } })),
    onSuccess: (done) => {
      queryClient.setQueryData(keys.customerImport(importId), done);
      for (const queryKey of [keys.customers, keys.audit]) void queryClient.invalidateQueries({ queryKey });
      onClose();
      message.success(t('import.done.title'));
    },
    onError: async (e) => {
      if (!isApiProblem(e) || e.status !== 409) return;
      const fresh = await job.refetch();
      if (fresh.data?.status === 'COMMITTED') {
        commit.reset();
        onClose();
        message.info(t('import.commit.alreadyCommitted'));
      }
    },
  });

  if (!data) return null;
  const cancel = () => {
    commit.reset();
    onClose();
  };
  const conflict = isApiProblem(commit.error) && commit.error.status === 409;

  return (
    <Modal
      open={open}
      title={t('import.commit.title')}
      onCancel={commit.isPending ? undefined : cancel}
      mask={{ closable: !commit.isPending }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={cancel} disabled={commit.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={commit.isPending}
          onClick={() => commit.mutate()}
          data-testid="import-commit-confirm"
        >
          {t('import.commit.ok')}
        </Button>,
      ]}
    >
      <div data-testid="import-commit-dialog">
        <Typography.Paragraph strong data-testid="import-commit-summary">
          {t('import.commit.summary', { created: data.newRows, updated: data.changedRows })}
        </Typography.Paragraph>
        {data.invalidRows > 0 && (
          <Typography.Paragraph type="warning" data-testid="import-commit-skipped">
            {t('import.commit.skipped', { count: data.invalidRows })}
          </Typography.Paragraph>
        )}
        {data.unchangedRows > 0 && (
          <Typography.Paragraph>{t('import.commit.unchanged', { count: data.unchangedRows })}</Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">{t('import.commit.howItWorks')}</Typography.Paragraph>
        {conflict ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.commit.conflictTitle')}
            description={t('import.commit.conflict')}
            data-testid="import-commit-error"
          />
        ) : (
          commit.isError && <ErrorAlert error={commit.error} testId="import-commit-error" />
        )}
      </div>
    </Modal>
  );
}
