import { Alert, Button, Typography } from 'antd';
import { blockedKind, IDENTITY_UNAVAILABLE, isApiProblem, type FieldError } from '../api/problem';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/**
 * Title and detail for any error, in the UI's language. The server's problem documents are in
 * English; their localized meaning comes from the status and `type`. The server's own `detail` is
 * kept only where it says something specific (400 without field errors, 409).
 */
export function describeError(error: unknown, t: Translate): { title: string; detail?: string; requestId?: string } {
  if (!isApiProblem(error)) {
    return error instanceof Error ? { title: t('error.title'), detail: error.message } : { title: t('error.title') };
  }
  if (error.isNetworkError) return { title: t('error.title'), detail: t('error.network') };
  const { requestId } = error;
  const localized = (title: MessageKey, detail?: MessageKey) => ({ title: t(title), detail: detail && t(detail), requestId });
  const blocked = blockedKind(error);
  if (blocked) return localized(`blocked.${blocked}.title`, `blocked.${blocked}.detail`);
  switch (error.status) {
    case 400:
      return { title: t('error.invalid'), detail: error.errors.length > 0 ? undefined : error.detail, requestId };
    case 401:
      return localized('auth.sessionExpired', 'auth.sessionExpiredHint');
    case 403:
      return localized('error.forbiddenTitle', 'error.forbidden');
    case 404:
      return localized('error.notFoundTitle', 'error.notFound');
    case 409:
      return { title: t('error.conflict'), detail: error.detail, requestId };
    case 412:
      return localized('error.staleTitle', 'error.stale');
    case 422:
      return error.is('idempotency-key-reused')
        ? localized('error.businessRule', 'error.idempotencyReused')
        : { title: t('error.businessRule'), detail: error.detail, requestId };
    case 428:
      return localized('error.staleTitle', 'error.versionMissing');
  }
  if (error.status === 503 && error.is(IDENTITY_UNAVAILABLE)) {
    return localized('error.identityUnavailableTitle', 'error.identityUnavailable');
  }
  if (error.status >= 500) return localized('error.title', 'error.server');
  return { title: error.title, detail: error.detail, requestId };
}

/** One line for a toast: "title: detail". */
export function errorText(error: unknown, t: Translate): string {
  const { title, detail } = describeError(error, t);
  return detail ? `${title}: ${detail}` : title;
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
