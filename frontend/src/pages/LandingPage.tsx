import { AuditOutlined, LoginOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Layout, Space, Typography } from 'antd';
import { useSignIn } from '../auth/AuthContext';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';

/** Shown when signed out: what MeiKe is, and the sign-in button (Keycloak redirect). */
export function LandingPage() {
  const { t } = useI18n();
  const { pending, signIn } = useSignIn();

  const features = [
    { icon: <ShopOutlined />, text: t('landing.feature.chain') },
    { icon: <TeamOutlined />, text: t('landing.feature.staff') },
    { icon: <AuditOutlined />, text: t('landing.feature.audit') },
  ];

  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(135deg, #fdf2f6 0%, #f6f4fb 55%, #eef3fb 100%)' }}>
      <Flex justify="space-between" align="center" style={{ padding: '20px 40px' }}>
        <Brand />
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ maxWidth: 520, width: '100%', boxShadow: '0 12px 40px rgba(60, 30, 80, 0.10)' }} data-testid="landing">
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <div>
              <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 8 }}>
                {t('landing.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 15, marginBottom: 0 }}>
                {t('landing.subtitle')}
              </Typography.Paragraph>
            </div>
            <Space orientation="vertical" size="middle">
              {features.map((f) => (
                <Flex key={f.text} gap={12} align="center">
                  <span style={{ color: '#c2416b', fontSize: 18 }}>{f.icon}</span>
                  <Typography.Text>{f.text}</Typography.Text>
                </Flex>
              ))}
            </Space>
            <Button
              type="primary"
              size="large"
              block
              icon={<LoginOutlined />}
              loading={pending}
              onClick={signIn}
              data-testid="sign-in-button"
            >
              {t('landing.signIn')}
            </Button>
          </Space>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
        {t('landing.footer')}
      </Typography.Text>
    </Layout>
  );
}
