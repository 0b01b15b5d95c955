import type { UseQueryResult } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { FieldError } from '../api/problem';
import { isApiProblem } from '../api/problem';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { PageHeader } from './PageHeader';
import type { Versioned } from './useFormMutation';

/**
 * A page editing one versioned record (the chain's tier program, its points rules): loading, the load error
 * with retry, then the editor, built afresh for each version read (a save or a reload refills it).
 */
export function SettingsPage<T extends { version: number }>({
  title,
  testId,
  record,
  editor,
}: {
  title: ReactNode;
  testId: string;
  record: UseQueryResult<Versioned<T>>;
  editor: (record: Versioned<T>, reload: () => void) => ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <PageHeader title={title} />
      {record.isPending ? (
        <Spin>
          <div style={{ height: 240 }} />
        </Spin>
      ) : record.isError ? (
        <ErrorAlert error={record.error} onRetry={() => record.refetch()} testId={`${testId}-error`} />
      ) : (
        <div key={record.data.data.version}>{editor(record.data, () => void record.refetch())}</div>
      )}
    </div>
  );
}

/**
 * A save of the settings that the server refused; after a 412 (changed by someone else since the read) it offers
 * to read them again, which rebuilds the editor from what is there now.
 */
export function SaveError({ error, extraErrors, testId, onReload }: { error: unknown; extraErrors?: FieldError[]; testId: string; onReload: () => void }) {
  const { t } = useI18n();
  const stale = isApiProblem(error) && error.status === 412;
  return (
    <div style={{ marginBottom: 12 }}>
      <ErrorAlert error={error} extraErrors={extraErrors} testId={testId} onRetry={stale ? onReload : undefined} retryLabel={t('common.reload')} />
    </div>
  );
}
