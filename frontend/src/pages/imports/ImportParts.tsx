import { CloudUploadOutlined, DownloadOutlined, FileTextOutlined, ImportOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Modal, Row, Spin, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiProblem } from '../../api/problem';
import { csvBlob, saveBlob } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useUserNames } from '../customers/useStaffDirectory';
import { fileProblem, MAX_FILE_BYTES, type ImportIssue } from './importFormat';

/**
 * What every import page shares (customers, opening balances): choosing and uploading a CSV file, the report's
 * summary and its issues by row and column, and the confirmation of the commit.
 */

/**
 * An import page's header and its three steps (choose a file, review the report, done), with the template's
 * download. The report lives at its own URL, so an import can be reopened later and a reload does not lose it.
 */
export function ImportHeader({
  title,
  columns,
  templateFileName,
  importId,
  committed,
}: {
  title: string;
  columns: readonly { name: string; header: string }[];
  templateFileName: string;
  importId: string | undefined;
  committed: boolean;
}) {
  const { t, locale } = useI18n();
  // The template is the header row only, in the UI's language (the server reads either): no sample row, so a
  // template filled in carelessly imports nothing made up.
  const template = () => csvBlob([columns.map((c) => (locale === 'zh-CN' ? c.header : c.name))]);
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => saveBlob(template(), templateFileName)} data-testid="import-template-button">
            {t('import.template.download')}
          </Button>
        }
      />
      <Steps
        current={!importId ? 0 : committed ? 2 : 1}
        status={committed ? 'finish' : 'process'}
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[{ title: t('import.step.choose') }, { title: t('import.step.review') }, { title: t('import.step.done') }]}
      />
    </>
  );
}

/**
 * The commit of an import: its answer replaces the import (`queryKey`) and refreshes `invalidate`. A 409 because the
 * import was committed meanwhile (by someone else, or in another tab) closes the dialog and says so; any other 409
 * stays in the dialog, which tells it.
 */
export function useImportCommit<T extends ImportHead>({
  send,
  job,
  queryKey,
  invalidate,
  onClose,
}: {
  send: () => Promise<T>;
  job: UseQueryResult<T>;
  queryKey: QueryKey;
  invalidate: QueryKey[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const commit = useMutation({
    mutationFn: send,
    onSuccess: (done) => {
      queryClient.setQueryData(queryKey, done);
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: key });
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
  return commit;
}

/**
 * Choose a CSV file, then upload it with `upload`. Nothing is sent until the user asks; a workbook or a file over
 * the server's limit is refused here, and a file the server cannot read (a 400 on `file`) says why in words.
 */
export function ImportFileChooser<T>({
  hint,
  upload,
  labelColumn,
  children,
}: {
  hint: string;
  upload: UseMutationResult<T, Error, File>;
  labelColumn: (column: string) => string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<MessageKey | null>(null);

  const choose = (chosen: File) => {
    upload.reset();
    if (!/\.csv$/i.test(chosen.name)) {
      setRefused('import.file.notCsvName');
      setFile(null);
    } else if (chosen.size > MAX_FILE_BYTES) {
      setRefused('import.file.tooLarge');
      setFile(null);
    } else {
      setRefused(null);
      setFile(chosen);
    }
  };

  const unreadable = upload.isError ? fileProblem(upload.error, t, labelColumn) : null;

  return (
    <Card>
      <Flex vertical gap={16}>
        {children}
        {/* No `accept` filter: a dropped workbook would be dropped silently; choose() says why instead. */}
        <Upload.Dragger
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(chosen) => {
            choose(chosen);
            // Nothing is sent until the user asks: the file is only kept here.
            return false;
          }}
          data-testid="import-file-drop"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop.title')}</p>
          <p className="ant-upload-hint">{hint}</p>
        </Upload.Dragger>
        {refused && <Alert type="error" showIcon title={t(refused)} data-testid="import-file-refused" />}
        {file && (
          <Flex align="center" gap={12} wrap data-testid="import-file-chosen">
            <FileTextOutlined />
            <Typography.Text strong>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{t('import.fileSize', { size: kilobytes(file.size) })}</Typography.Text>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={upload.isPending}
              onClick={() => upload.mutate(file)}
              data-testid="import-upload-button"
            >
              {t('import.upload')}
            </Button>
          </Flex>
        )}
        {upload.isPending && <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>}
        {unreadable ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.file.unreadable')}
            description={
              <>
                <div data-testid="import-file-error-detail">{unreadable}</div>
                <div>{t('import.file.unreadableHint')}</div>
              </>
            }
            data-testid="import-file-error"
          />
        ) : (
          upload.isError && <ErrorAlert error={upload.error} testId="import-upload-error" />
        )}
      </Flex>
    </Card>
  );
}

function kilobytes(bytes: number): string {
  return (Math.max(bytes, 1) / 1024).toFixed(1);
}

/** What the file may hold, column by column: the Chinese and English names the server accepts, and what to write. */
export function ImportColumnGuide<N extends string>({
  intro,
  columns,
  hintOf,
}: {
  intro: string;
  columns: readonly { name: N; header: string; required: boolean }[];
  hintOf: (column: N) => string;
}) {
  const { t } = useI18n();
  return (
    <Card title={t('import.guide.title')} data-testid="import-guide">
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={[...columns]}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('import.guide.column'),
            key: 'column',
            width: 240,
            render: (_, c) => (
              <Flex gap={4} wrap align="center">
                <Typography.Text code>{c.header}</Typography.Text>
                <Typography.Text code>{c.name}</Typography.Text>
                {c.required && <Tag color="red">{t('import.guide.required')}</Tag>}
              </Flex>
            ),
          },
          { title: t('import.guide.content'), key: 'content', render: (_, c) => hintOf(c.name) },
        ]}
      />
    </Card>
  );
}

/** An import's report while it loads, or why it cannot be read (with the way back to a new import). */
export function ImportNotLoaded({ job, againPath }: { job: UseQueryResult<unknown>; againPath: string }) {
  const { t } = useI18n();
  if (job.isError) {
    return (
      <Flex vertical gap={16} align="start">
        <ErrorAlert error={job.error} onRetry={() => job.refetch()} testId="import-error" />
        <Link to={againPath}>{t('import.another')}</Link>
      </Flex>
    );
  }
  return (
    <Spin>
      <div style={{ height: 240 }} data-testid="import-loading" />
    </Spin>
  );
}

/** The fields of an import every report shows. */
export interface ImportHead {
  id: string;
  fileName?: string | null;
  status: 'VALIDATED' | 'COMMITTED';
  createdBy: string;
  createdAt: string;
  committedBy?: string | null;
  committedAt?: string | null;
}

export interface ImportStat {
  key: string;
  title: string;
  value: ReactNode;
  danger?: boolean;
}

/** The import's file, status, counts, and who uploaded and committed it when. */
export function ImportSummary({ job, stats, children }: { job: ImportHead; stats: ImportStat[]; children?: ReactNode }) {
  const { t } = useI18n();
  const nameOfUser = useUserNames();
  const committed = job.status === 'COMMITTED';
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
              value={s.value as number | string}
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
        {children}
        <Descriptions.Item label={t('import.id')}>
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {job.id}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The header columns the server did not know, and what to do about them. */
export function IgnoredColumns({ columns }: { columns: string[] }) {
  const { t } = useI18n();
  if (columns.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('import.ignored.title')}
      description={
        <>
          <Flex gap={4} wrap style={{ marginBottom: 4 }} data-testid="import-ignored-columns">
            {columns.map((column) => (
              <Tag key={column}>{column}</Tag>
            ))}
          </Flex>
          {t('import.ignored.hint')}
        </>
      }
    />
  );
}

interface IssueRow extends ImportIssue {
  key: string;
  reason: string;
}

/**
 * Every issue of the report by row and column, in the UI's words, with a CSV of them to fix the file by. `count`
 * is how many there were when the server listed only the first ones.
 */
export function ImportIssues({
  issues,
  count = issues.length,
  rows,
  fileName,
  reasonOf,
  labelColumn,
}: {
  issues: ImportIssue[];
  count?: number;
  rows: number;
  fileName: string;
  reasonOf: (issue: ImportIssue) => string;
  labelColumn: (column: string) => string;
}) {
  const { t } = useI18n();
  const listed: IssueRow[] = issues.map((issue, i) => ({ ...issue, key: `${i}`, reason: reasonOf(issue) }));
  const columns = [...new Set(issues.map((i) => i.field))];

  const download = () =>
    saveBlob(
      csvBlob([
        [t('import.issues.row'), t('import.issues.column'), t('import.issues.reason')],
        ...listed.map((r) => [r.row, labelColumn(r.field), r.reason]),
      ]),
      t('import.issues.fileName', { name: fileName.replace(/\.csv$/i, '') }),
    );

  return (
    <Card
      title={t('import.issues.title', { count, rows })}
      extra={
        <Button icon={<DownloadOutlined />} onClick={download} data-testid="import-issues-download">
          {t('import.issues.download')}
        </Button>
      }
      data-testid="import-issues"
    >
      {issues.length < count && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.issues.truncated', { shown: issues.length, count })}
          data-testid="import-issues-truncated"
        />
      )}
      <Table<IssueRow>
        size="small"
        dataSource={listed}
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
            filters: columns.map((c) => ({ text: labelColumn(c), value: c })),
            onFilter: (value, r) => r.field === value,
            render: (field: string) => labelColumn(field),
          },
          { title: t('import.issues.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}

/**
 * Confirms a commit with what it will do (`children`). A 409 says `conflict` unless the import turned out to be
 * committed meanwhile, which the page tells by reading it again.
 */
/** Under a report not yet committed: the commit button (off when no row would be written), and another file. */
export function ImportCommitBar({
  rows,
  label,
  nothingLabel,
  againPath,
  onCommit,
}: {
  rows: number;
  label: string;
  nothingLabel: string;
  againPath: string;
  onCommit: () => void;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={12} wrap align="center">
      <Button type="primary" icon={<ImportOutlined />} disabled={rows === 0} onClick={onCommit} data-testid="import-commit-button">
        {label}
      </Button>
      <Link to={againPath} data-testid="import-choose-again">
        {t('import.chooseAgain')}
      </Link>
      {rows === 0 && (
        <Typography.Text type="secondary" data-testid="import-nothing-to-write">
          {nothingLabel}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function ImportCommitDialog({
  open,
  onClose,
  commit,
  conflict,
  children,
}: {
  open: boolean;
  onClose: () => void;
  commit: UseMutationResult<unknown, Error, void>;
  conflict: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const cancel = () => {
    commit.reset();
    onClose();
  };
  const conflicted = isApiProblem(commit.error) && commit.error.status === 409;

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
        {children}
        {conflicted ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.commit.conflictTitle')}
            description={conflict}
            data-testid="import-commit-error"
          />
        ) : (
          commit.isError && <ErrorAlert error={commit.error} testId="import-commit-error" />
        )}
      </div>
    </Modal>
  );
}
