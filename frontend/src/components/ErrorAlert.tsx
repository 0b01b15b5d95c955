import { Alert, Button, Typography } from 'antd';
import { isApiProblem, type FieldError } from '../api/problem';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/I18nProvider';

/** Title and detail for any error, preferring the server's problem document. */
export function describeError(error: unknown, t: Translate): { title: string; detail?: string; requestId?: string } {
  if (isApiProblem(error)) {
    if (error.isNetworkError) return { title: t('error.title'), detail: t('error.network') };
    if (error.status === 412) return { title: t('error.staleTitle'), detail: t('error.stale'), requestId: error.requestId };
    const detail = error.detail ?? (error.status >= 500 ? t('error.server') : undefined);
    return { title: error.title, detail, requestId: error.requestId };
  }
  if (error instanceof Error) return { title: t('error.title'), detail: error.message };
  return { title: t('error.title') };
}

interface Props {
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
  /** Field errors the form could not place on a field. */
  extraErrors?: FieldError[];
  testId?: string;
  closable?: boolean;
}

/** An error Alert showing the problem's title/detail, with a retry action. */
export function ErrorAlert({ error, onRetry, retryLabel, extraErrors, testId = 'error-alert', closable }: Props) {
  const { t } = useI18n();
  const { title, detail, requestId } = describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      role="alert"
      title={title}
      closable={closable}
      description={
        detail || extraErrors?.length || requestId ? (
          <div>
            {detail && <div data-testid={`${testId}-detail`}>{detail}</div>}
            {extraErrors && extraErrors.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {extraErrors.map((e) => (
                  <li key={`${e.field}:${e.message}`}>
                    <Typography.Text code>{e.field}</Typography.Text> {e.message}
                  </li>
                ))}
              </ul>
            )}
            {requestId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.requestId')}: {requestId}
              </Typography.Text>
            )}
          </div>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} data-testid={`${testId}-retry`}>
            {retryLabel ?? t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
