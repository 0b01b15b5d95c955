import { LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useApi } from '../api/ApiContext';
import { dataOf } from '../api/client';
import { blockedKind, isApiProblem, TENANT_SUSPENDED } from '../api/problem';
import { keys } from '../api/queries';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { FullPage, FullPageSpinner } from '../components/FullPage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { MeProvider } from './MeContext';

/**
 * Loads GET /api/v1/me after sign-in. A suspended chain or a disabled account gets a full-page
 * message with sign-out; everything else renders with the caller's roles in context.
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

  if (me.isError) {
    const signOut = (
      <Button icon={<LogoutOutlined />} onClick={() => auth.signOut()} data-testid="logout-button">
        {t('auth.signOut')}
      </Button>
    );
    const kind = blockedKind(me.error);
    if (kind) {
      const suspended = kind === TENANT_SUSPENDED;
      return (
        <FullPage>
          <div data-testid={suspended ? 'tenant-suspended' : 'staff-disabled'}>
          <Result
            status="403"
            title={t(suspended ? 'blocked.tenantSuspended.title' : 'blocked.staffDisabled.title')}
            subTitle={t(suspended ? 'blocked.tenantSuspended.detail' : 'blocked.staffDisabled.detail')}
            extra={<Space>{signOut}<LanguageSwitch /></Space>}
          />
          </div>
        </FullPage>
      );
    }
    if (isApiProblem(me.error) && me.error.status === 401) {
      return (
        <FullPage>
          <Result
            status="warning"
            title={t('auth.sessionExpired')}
            subTitle={t('auth.sessionExpiredHint')}
            extra={
              <Button type="primary" onClick={() => auth.signIn()} data-testid="sign-in-button">
                {t('auth.signInAgain')}
              </Button>
            }
          />
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

  return <MeProvider me={me.data}>{children}</MeProvider>;
}
