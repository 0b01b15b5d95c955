import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { columnLabel, issueText, rowsToWrite, type CustomerImport } from './importFormat';
import { IgnoredColumns, ImportCommitBar, ImportCommitDialog, ImportIssues, ImportNotLoaded, ImportSummary, useImportCommit } from './ImportParts';

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

  if (!job.isSuccess) return <ImportNotLoaded job={job} againPath="/customer-imports" />;
  const data = job.data;
  const committed = data.status === 'COMMITTED';

  return (
    <Flex vertical gap={16} data-testid="import-report">
      {committed && <CommittedResult job={data} />}
      <Summary job={data} />
      <IgnoredColumns columns={data.ignoredColumns} />
      <Issues job={data} />
      {!committed && (
        <ImportCommitBar
          rows={rowsToWrite(data)}
          label={t('import.commit.button', { count: rowsToWrite(data) })}
          nothingLabel={t('import.commit.nothing')}
          againPath="/customer-imports"
          onCommit={() => setConfirming(true)}
        />
      )}
      <CommitDialog importId={importId} job={job} open={confirming} onClose={() => setConfirming(false)} />
    </Flex>
  );
}

function Summary({ job }: { job: CustomerImport }) {
  const { t } = useI18n();
  const committed = job.status === 'COMMITTED';
  return (
    <ImportSummary
      job={job}
      stats={[
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
      ]}
    />
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

function Issues({ job }: { job: CustomerImport }) {
  const { t } = useI18n();
  if (job.issueCount === 0) {
    return job.totalRows === 0 ? (
      <Alert type="warning" showIcon title={t('import.issues.noRows')} data-testid="import-no-rows" />
    ) : (
      <Alert type="success" showIcon title={t('import.issues.none')} data-testid="import-no-issues" />
    );
  }
  return (
    <ImportIssues
      issues={job.issues}
      count={job.issueCount}
      rows={job.invalidRows}
      fileName={job.fileName ?? job.id}
      reasonOf={(issue) => issueText(issue.message, t)}
      labelColumn={(c) => columnLabel(c, t)}
    />
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
  const data = job.data;
  const commit = useImportCommit({
    send: () => dataOf(api.POST('/api/v1/customer-imports/{importId}/commit', { params: { path: { importId } } })),
    job,
    queryKey: keys.customerImport(importId),
    invalidate: [keys.customers, keys.audit],
    onClose,
  });

  if (!data) return null;
  return (
    <ImportCommitDialog open={open} onClose={onClose} commit={commit} conflict={t('import.commit.conflict')}>
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
    </ImportCommitDialog>
  );
}
