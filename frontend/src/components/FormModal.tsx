import { Button, Modal, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { FieldError } from '../api/problem';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  open: boolean;
  title: ReactNode;
  pending: boolean;
  submitLabel?: ReactNode;
  submitTestId: string;
  testId: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  width?: number;
  /** Edit dialogs: the record is still being read, or could not be read. */
  loading?: boolean;
  loadError?: unknown;
  onRetryLoad?: () => void;
  /** The last failed submit, and the field errors no field could show. */
  error?: unknown;
  unmatched?: FieldError[];
  errorTestId?: string;
  /** Offered with a 412: read the record again (the form is refilled with what is there now). */
  onReload?: () => void;
  /** An irreversible change (erasing personal data): a red submit button. */
  danger?: boolean;
  /** Submit stays off until the form says the user has confirmed (typed a name, ticked a box). */
  submitDisabled?: boolean;
}

/**
 * A modal around a form: the record being edited (loading, load error with retry), the server's
 * answer to the last submit, and submit disabled (and spinning) while the request is pending.
 */
export function FormModal({
  open,
  title,
  pending,
  submitLabel,
  submitTestId,
  testId,
  onSubmit,
  onCancel,
  children,
  width,
  loading = false,
  loadError,
  onRetryLoad,
  error,
  unmatched,
  errorTestId = `${testId}-error`,
  onReload,
  danger = false,
  submitDisabled = false,
}: Props) {
  const { t } = useI18n();
  const ready = !loading && !loadError;
  return (
    <Modal
      open={open}
      title={title}
      width={width ?? 560}
      onCancel={pending ? undefined : onCancel}
      mask={{ closable: !pending }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={danger}
          loading={pending}
          disabled={pending || !ready || submitDisabled}
          onClick={onSubmit}
          data-testid={submitTestId}
        >
          {submitLabel ?? t('common.save')}
        </Button>,
      ]}
    >
      <div data-testid={testId}>
        {loading ? (
          <Spin>
            <div style={{ height: 240 }} />
          </Spin>
        ) : loadError ? (
          <ErrorAlert error={loadError} onRetry={onRetryLoad} testId={`${testId}-load-error`} />
        ) : (
          <>
            {error != null && (
              <div style={{ marginBottom: 16 }}>
                <ErrorAlert
                  error={error}
                  extraErrors={unmatched}
                  testId={errorTestId}
                  onRetry={onReload}
                  retryLabel={onReload ? t('common.reload') : undefined}
                />
              </div>
            )}
            {children}
          </>
        )}
      </div>
    </Modal>
  );
}
