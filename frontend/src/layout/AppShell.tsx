import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DownOutlined,
  LogoutOutlined,
  ShopOutlined,
  TeamOutlined,
  ApartmentOutlined,
  ContactsOutlined,
  CrownOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  GiftOutlined,
  ShoppingCartOutlined,
  FunnelPlotOutlined,
  IdcardOutlined,
  ImportOutlined,
  MedicineBoxOutlined,
  SolutionOutlined,
  UserOutlined,
  WalletOutlined,
  ControlOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  TagsOutlined,
  LineChartOutlined,
  TrophyOutlined,
  RadarChartOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { useMe } from '../me/MeContext';
import type { NavKey } from '../roles';

const NAV: Record<NavKey, { path: string; label: MessageKey; icon: ReactNode }> = {
  overview: { path: '/overview', label: 'nav.overview', icon: <DashboardOutlined /> },
  desk: { path: '/desk', label: 'nav.desk', icon: <SolutionOutlined /> },
  calendar: { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
  customers: { path: '/customers', label: 'nav.customers', icon: <ContactsOutlined /> },
  pos: { path: '/pos', label: 'nav.pos', icon: <ShoppingCartOutlined /> },
  orders: { path: '/orders', label: 'nav.orders', icon: <FileTextOutlined /> },
  customerImports: { path: '/customer-imports', label: 'nav.customerImports', icon: <ImportOutlined /> },
  dashboard: { path: '/analytics/dashboard', label: 'nav.dashboard', icon: <LineChartOutlined /> },
  conversion: { path: '/conversion', label: 'nav.conversion', icon: <FunnelPlotOutlined /> },
  expiringPoints: { path: '/points/expiring', label: 'nav.expiringPoints', icon: <FieldTimeOutlined /> },
  storedValuePlans: { path: '/settings/stored-value-plans', label: 'nav.storedValuePlans', icon: <WalletOutlined /> },
  storedValueRules: { path: '/settings/stored-value-rules', label: 'nav.storedValueRules', icon: <ControlOutlined /> },
  referralRules: { path: '/settings/referral-rules', label: 'nav.referralRules', icon: <ControlOutlined /> },
  storedValueImports: { path: '/stored-value/imports', label: 'nav.storedValueImports', icon: <ImportOutlined /> },
  clinics: { path: '/clinics', label: 'nav.clinics', icon: <ShopOutlined /> },
  staff: { path: '/staff', label: 'nav.staff', icon: <TeamOutlined /> },
  catalog: { path: '/catalog', label: 'nav.catalog', icon: <MedicineBoxOutlined /> },
  tierSettings: { path: '/settings/tiers', label: 'nav.tierSettings', icon: <CrownOutlined /> },
  pointsSettings: { path: '/settings/points', label: 'nav.pointsSettings', icon: <GiftOutlined /> },
  packTemplates: { path: '/settings/pack-templates', label: 'nav.packTemplates', icon: <IdcardOutlined /> },
  couponTypes: { path: '/settings/coupon-types', label: 'nav.couponTypes', icon: <TagsOutlined /> },
  giftBudgets: { path: '/settings/gift-budgets', label: 'nav.giftBudgets', icon: <GiftOutlined /> },
  couponReport: { path: '/reports/coupons', label: 'nav.couponReport', icon: <BarChartOutlined /> },
  referralLeaderboard: { path: '/reports/referrals', label: 'nav.referralLeaderboard', icon: <TrophyOutlined /> },
  liabilities: { path: '/reports/liabilities', label: 'nav.liabilities', icon: <AccountBookOutlined /> },
  followUps: { path: '/follow-ups', label: 'nav.followUps', icon: <PhoneOutlined /> },
  followUpRules: { path: '/settings/follow-up-rules', label: 'nav.followUpRules', icon: <ScheduleOutlined /> },
  complaints: { path: '/complaints', label: 'nav.complaints', icon: <AlertOutlined /> },
  satisfactionRules: { path: '/settings/satisfaction-rules', label: 'nav.satisfactionRules', icon: <ControlOutlined /> },
  standardsReport: { path: '/reports/standards', label: 'nav.standardsReport', icon: <RadarChartOutlined /> },
  standardsRules: { path: '/settings/standards-rules', label: 'nav.standardsRules', icon: <ControlOutlined /> },
  memberAnalytics: { path: '/analytics/members', label: 'nav.memberAnalytics', icon: <BarChartOutlined /> },
  segmentRules: { path: '/settings/segment-rules', label: 'nav.segmentRules', icon: <ControlOutlined /> },
  audit: { path: '/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  tenants: { path: '/tenants', label: 'nav.tenants', icon: <ApartmentOutlined /> },
};

/** Side menu by role, header with chain name, user menu, language switch and sign-out. */
export function AppShell() {
  const { t } = useI18n();
  const { me, permissions } = useMe();
  const auth = useAuth();
  const location = useLocation();
  const { token } = theme.useToken();
  const selected = permissions.nav.find((k) => location.pathname.startsWith(NAV[k].path));
  const userName = me.displayName || me.username;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={216} data-testid="side-nav">
        <div style={{ padding: '18px 20px' }}>
          <Brand dark />
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          style={{ background: 'transparent', borderInlineEnd: 0 }}
          items={permissions.nav.map((key) => ({
            key,
            icon: NAV[key].icon,
            label: (
              <Link to={NAV[key].path} data-testid={`nav-${key}`}>
                {t(NAV[key].label)}
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="tenant-name" ellipsis>
            {me.tenant ? me.tenant.name : t('header.platform')}
            {me.tenant?.status === 'SUSPENDED' && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('tenantStatus.SUSPENDED')}
              </Tag>
            )}
          </Typography.Text>
          <Flex align="center" gap={16}>
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'roles',
                    disabled: true,
                    label: (
                      <span>
                        {t('header.roles')}: {me.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
                      </span>
                    ),
                  },
                  { type: 'divider' },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    danger: true,
                    label: <span data-testid="logout-button">{t('auth.signOut')}</span>,
                    onClick: () => void auth.signOut(),
                  },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
                <Flex align="center" gap={8}>
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                  <span data-testid="user-name">{userName}</span>
                  <DownOutlined style={{ fontSize: 10 }} />
                </Flex>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
