import { LoginOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { FullPage } from '../components/FullPage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import { useSignIn } from './AuthContext';

/** The session ended (token refused or renewal refused): sign in again and come back to this page. */
export function SessionExpired() {
  const { t } = useI18n();
  const { pending, signIn } = useSignIn();
  return (
    <FullPage>
      <div data-testid="session-expired">
        <Result
          status="warning"
          title={t('auth.sessionExpired')}
          subTitle={t('auth.sessionExpiredHint')}
          extra={
            <Space>
              <Button type="primary" icon={<LoginOutlined />} loading={pending} onClick={signIn} data-testid="sign-in-button">
                {t('auth.signInAgain')}
              </Button>
              <LanguageSwitch />
            </Space>
          }
        />
      </div>
    </FullPage>
  );
}
