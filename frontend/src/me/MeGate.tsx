import { LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useApi } from '../api/ApiContext';
import { dataOf } from '../api/client';
import { blockedKind, isApiProblem } from '../api/problem';
import { keys } from '../api/queries';
import { useAuth } from '../auth/AuthContext';
import { SessionExpired } from '../auth/SessionExpired';
import { ErrorAlert } from '../components/ErrorAlert';
import { FullPage, FullPageSpinner } from '../components/FullPage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { MeProvider } from './MeContext';

/**
 * Loads GET /api/v1/me after sign-in. A suspended chain, a disabled account, a login without a chain
 * or without a staff record gets a full-page message with sign-out; an expired session asks to sign
 * in again; everything else renders with the caller's effective roles (from /me, not the token).
 */
export function MeGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const auth = useAuth();
  const { t } = useI18n();
  const me = useQuery({
    queryKey: keys.me,
    queryFn: () => dataOf(api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  });

  if (me.isPending) return <FullPageSpinner tip={t('app.loading')} />;
  if (!me.isError) return <MeProvider me={me.data}>{children}</MeProvider>;

  const signOut = (
    <Button icon={<LogoutOutlined />} onClick={() => auth.signOut()} data-testid="logout-button">
      {t('auth.signOut')}
    </Button>
  );
  if (isApiProblem(me.error) && me.error.status === 401) return <SessionExpired />;
  if (isApiProblem(me.error) && me.error.status === 403) {
    // /me needs no role: any 403 here means this login cannot use MeiKe at all.
    const kind = blockedKind(me.error) ?? 'forbidden';
    return (
      <FullPage>
        <div data-testid={kind}>
          <Result
            status="403"
            title={t(`blocked.${kind}.title`)}
            subTitle={t(`blocked.${kind}.detail`)}
            extra={
              <Space>
                {signOut}
                <LanguageSwitch />
              </Space>
            }
          />
        </div>
      </FullPage>
    );
  }
  return (
    <FullPage>
      <Card style={{ maxWidth: 560, width: '100%' }} title={t('blocked.loadFailed')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ErrorAlert error={me.error} onRetry={() => me.refetch()} testId="me-error" />
          {signOut}
        </Space>
      </Card>
    </FullPage>
  );
}
