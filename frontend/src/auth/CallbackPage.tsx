import { Button, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { FullPage, FullPageSpinner } from '../components/FullPage';
import { useI18n } from '../i18n/I18nProvider';
import { useAuth } from './AuthContext';

/** The OIDC redirect target: exchanges the code (PKCE) and continues where the user was going. */
export function CallbackPage() {
  const auth = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    auth
      .completeSignIn()
      .then((returnTo) => {
        if (active) navigate(returnTo, { replace: true });
      })
      .catch((e: unknown) => {
        if (active) setFailed(e instanceof Error ? e.message : String(e));
      });
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (failed !== null) {
    return (
      <FullPage>
        <Result
          status="warning"
          title={t('auth.callbackFailed')}
          subTitle={`${t('auth.callbackFailedHint')} (${failed})`}
          extra={
            <Button type="primary" onClick={() => auth.signIn('/')} data-testid="sign-in-button">
              {t('auth.signInAgain')}
            </Button>
          }
        />
      </FullPage>
    );
  }
  return <FullPageSpinner tip={t('auth.signingIn')} />;
}
