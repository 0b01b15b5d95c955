import { CouponReportPage } from './pages/coupons/CouponReportPage';
import { CouponTypesPage } from './pages/coupons/CouponTypesPage';
import { GiftBudgetsPage } from './pages/coupons/GiftBudgetsPage';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useMemo, useRef, type ReactElement, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { ApiProvider } from './api/ApiContext';
import { createApiClient, type ApiClient } from './api/client';
import { useAuth } from './auth/AuthContext';
import { CallbackPage } from './auth/CallbackPage';
import { SessionExpired } from './auth/SessionExpired';
import { FullPageSpinner } from './components/FullPage';
import { useI18n } from './i18n/I18nProvider';
import { AppShell } from './layout/AppShell';
import { useMe } from './me/MeContext';
import { MeGate } from './me/MeGate';
import { LandingPage } from './pages/LandingPage';
import type { NavKey } from './roles';

// Screens load on demand: the sign-in path stays small.
const OverviewPage = lazy(() => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const ClinicsPage = lazy(() => import('./pages/clinics/ClinicsPage').then((m) => ({ default: m.ClinicsPage })));
const StaffPage = lazy(() => import('./pages/staff/StaffPage').then((m) => ({ default: m.StaffPage })));
const CustomersPage = lazy(() => import('./pages/customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('./pages/customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const CustomerImportPage = lazy(() => import('./pages/imports/CustomerImportPage').then((m) => ({ default: m.CustomerImportPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ConversionPage = lazy(() => import('./pages/conversion/ConversionPage').then((m) => ({ default: m.ConversionPage })));
const DeskPage = lazy(() => import('./pages/desk/DeskPage').then((m) => ({ default: m.DeskPage })));
const CalendarPage = lazy(() => import('./pages/appointments/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const VisitPage = lazy(() => import('./pages/visits/VisitPage').then((m) => ({ default: m.VisitPage })));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const StoredValuePlansPage = lazy(() => import('./pages/wallet/StoredValuePlansPage').then((m) => ({ default: m.StoredValuePlansPage })));
const ReferralRulesPage = lazy(() => import('./pages/referrals/ReferralRulesPage').then((m) => ({ default: m.ReferralRulesPage })));
const ReferralLeaderboardPage = lazy(() => import('./pages/referrals/ReferralLeaderboardPage').then((m) => ({ default: m.ReferralLeaderboardPage })));
const StoredValueRulesPage = lazy(() => import('./pages/wallet/StoredValueRulesPage').then((m) => ({ default: m.StoredValueRulesPage })));
const StoredValueImportPage = lazy(() => import('./pages/wallet/StoredValueImportPage').then((m) => ({ default: m.StoredValueImportPage })));
const PosPage = lazy(() => import('./pages/orders/PosPage').then((m) => ({ default: m.PosPage })));
const OrdersPage = lazy(() => import('./pages/orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const OrderPage = lazy(() => import('./pages/orders/OrderPage').then((m) => ({ default: m.OrderPage })));
const TierSettingsPage = lazy(() => import('./pages/membership/TierSettingsPage').then((m) => ({ default: m.TierSettingsPage })));
const ExpiringPointsPage = lazy(() => import('./pages/points/ExpiringPointsPage').then((m) => ({ default: m.ExpiringPointsPage })));
const WorkQueuePage = lazy(() => import('./pages/followups/WorkQueuePage').then((m) => ({ default: m.WorkQueuePage })));
const FollowUpRulesPage = lazy(() => import('./pages/followups/FollowUpRulesPage').then((m) => ({ default: m.FollowUpRulesPage })));
const PointsRulesPage = lazy(() => import('./pages/points/PointsRulesPage').then((m) => ({ default: m.PointsRulesPage })));
const PackTemplatesPage = lazy(() => import('./pages/packs/PackTemplatesPage').then((m) => ({ default: m.PackTemplatesPage })));
const LiabilitiesPage = lazy(() => import('./pages/reports/LiabilitiesPage').then((m) => ({ default: m.LiabilitiesPage })));
const ComplaintsPage = lazy(() => import('./pages/satisfaction/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })));
const SatisfactionRulesPage = lazy(() => import('./pages/satisfaction/SatisfactionRulesPage').then((m) => ({ default: m.SatisfactionRulesPage })));
const StandardsReportPage = lazy(() => import('./pages/standards/StandardsReportPage').then((m) => ({ default: m.StandardsReportPage })));
const StandardsRulesPage = lazy(() => import('./pages/standards/StandardsRulesPage').then((m) => ({ default: m.StandardsRulesPage })));
const MemberAnalyticsPage = lazy(() => import('./pages/segments/MemberAnalyticsPage').then((m) => ({ default: m.MemberAnalyticsPage })));
const SegmentRulesPage = lazy(() => import('./pages/segments/SegmentRulesPage').then((m) => ({ default: m.SegmentRulesPage })));
const PublicSurveyPage = lazy(() => import('./pages/satisfaction/PublicSurveyPage').then((m) => ({ default: m.PublicSurveyPage })));
const TenantsPage = lazy(() => import('./pages/tenants/TenantsPage').then((m) => ({ default: m.TenantsPage })));

/** API client bound to the signed-in user's access token (same-origin, so no base URL). */
export function AuthenticatedApi({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const getToken = useRef(auth.getAccessToken);
  getToken.current = auth.getAccessToken;
  const client = useMemo(() => createApiClient({ getAccessToken: () => getToken.current() }), []);
  return <ApiProvider client={client}>{children}</ApiProvider>;
}

export function Providers({
  queryClient,
  api,
  children,
}: {
  queryClient: QueryClient;
  api?: ApiClient;
  children: ReactNode;
}) {
  const inner = <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return api ? <ApiProvider client={api}>{inner}</ApiProvider> : <AuthenticatedApi>{inner}</AuthenticatedApi>;
}

/** A page that is not there, or not for this user's roles, with the way back to their start page. */
function RouteResult({ status }: { status: '403' | '404' }) {
  const { t } = useI18n();
  const { permissions } = useMe();
  return (
    <Result
      status={status}
      title={t(status === '403' ? 'nav.forbidden' : 'nav.notFound')}
      extra={
        <Link to={permissions.home}>
          <Button type="primary">{t('nav.backHome')}</Button>
        </Link>
      }
    />
  );
}

function Guard({ nav, children }: { nav: NavKey; children: ReactElement }) {
  const { permissions } = useMe();
  if (!permissions.nav.includes(nav)) return <RouteResult status="403" />;
  return (
    <Suspense
      fallback={
        <Spin>
          <div style={{ height: 240 }} />
        </Spin>
      }
    >
      {children}
    </Suspense>
  );
}

export function ShellRoutes() {
  const { permissions } = useMe();
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Navigate to={permissions.home} replace />} />
        <Route path="overview" element={<Guard nav="overview"><OverviewPage /></Guard>} />
        <Route path="desk" element={<Guard nav="desk"><DeskPage /></Guard>} />
        <Route path="calendar" element={<Guard nav="calendar"><CalendarPage /></Guard>} />
        <Route path="visits/:visitId" element={<Guard nav="desk"><VisitPage /></Guard>} />
        <Route path="customers" element={<Guard nav="customers"><CustomersPage /></Guard>} />
        <Route path="customers/:customerId" element={<Guard nav="customers"><CustomerPage /></Guard>} />
        <Route path="pos" element={<Guard nav="pos"><PosPage /></Guard>} />
        <Route path="orders" element={<Guard nav="orders"><OrdersPage /></Guard>} />
        <Route path="orders/:orderId" element={<Guard nav="orders"><OrderPage /></Guard>} />
        <Route path="customer-imports" element={<Guard nav="customerImports"><CustomerImportPage /></Guard>} />
        <Route path="customer-imports/:importId" element={<Guard nav="customerImports"><CustomerImportPage /></Guard>} />
        <Route path="analytics/dashboard" element={<Guard nav="dashboard"><DashboardPage /></Guard>} />
        <Route path="conversion" element={<Guard nav="conversion"><ConversionPage /></Guard>} />
        <Route path="clinics" element={<Guard nav="clinics"><ClinicsPage /></Guard>} />
        <Route path="staff" element={<Guard nav="staff"><StaffPage /></Guard>} />
        <Route path="catalog" element={<Guard nav="catalog"><CatalogPage /></Guard>} />
        <Route path="settings/tiers" element={<Guard nav="tierSettings"><TierSettingsPage /></Guard>} />
        <Route path="settings/stored-value-plans" element={<Guard nav="storedValuePlans"><StoredValuePlansPage /></Guard>} />
        <Route path="settings/referral-rules" element={<Guard nav="referralRules"><ReferralRulesPage /></Guard>} />
        <Route path="settings/stored-value-rules" element={<Guard nav="storedValueRules"><StoredValueRulesPage /></Guard>} />
        <Route path="stored-value/imports" element={<Guard nav="storedValueImports"><StoredValueImportPage /></Guard>} />
        <Route path="stored-value/imports/:importId" element={<Guard nav="storedValueImports"><StoredValueImportPage /></Guard>} />
        <Route path="points/expiring" element={<Guard nav="expiringPoints"><ExpiringPointsPage /></Guard>} />
        <Route path="settings/points" element={<Guard nav="pointsSettings"><PointsRulesPage /></Guard>} />
        <Route path="settings/pack-templates" element={<Guard nav="packTemplates"><PackTemplatesPage /></Guard>} />
        <Route path="settings/coupon-types" element={<Guard nav="couponTypes"><CouponTypesPage /></Guard>} />
        <Route path="settings/gift-budgets" element={<Guard nav="giftBudgets"><GiftBudgetsPage /></Guard>} />
        <Route path="reports/coupons" element={<Guard nav="couponReport"><CouponReportPage /></Guard>} />
        <Route path="reports/referrals" element={<Guard nav="referralLeaderboard"><ReferralLeaderboardPage /></Guard>} />
        <Route path="reports/liabilities" element={<Guard nav="liabilities"><LiabilitiesPage /></Guard>} />
        <Route path="follow-ups" element={<Guard nav="followUps"><WorkQueuePage /></Guard>} />
        <Route path="settings/follow-up-rules" element={<Guard nav="followUpRules"><FollowUpRulesPage /></Guard>} />
        <Route path="complaints" element={<Guard nav="complaints"><ComplaintsPage /></Guard>} />
        <Route path="settings/satisfaction-rules" element={<Guard nav="satisfactionRules"><SatisfactionRulesPage /></Guard>} />
        <Route path="settings/standards-rules" element={<Guard nav="standardsRules"><StandardsRulesPage /></Guard>} />
        <Route path="reports/standards" element={<Guard nav="standardsReport"><StandardsReportPage /></Guard>} />
        <Route path="analytics/members" element={<Guard nav="memberAnalytics"><MemberAnalyticsPage /></Guard>} />
        <Route path="settings/segment-rules" element={<Guard nav="segmentRules"><SegmentRulesPage /></Guard>} />
        <Route path="audit" element={<Guard nav="audit"><AuditPage /></Guard>} />
        <Route path="tenants" element={<Guard nav="tenants"><TenantsPage /></Guard>} />
        <Route path="*" element={<RouteResult status="404" />} />
      </Route>
    </Routes>
  );
}

function SignedInOrLanding() {
  const auth = useAuth();
  const { t } = useI18n();
  if (auth.status === 'loading') return <FullPageSpinner tip={t('app.loading')} />;
  if (auth.status === 'signedOut') return <LandingPage />;
  if (auth.status === 'expired') return <SessionExpired />;
  return (
    <MeGate>
      <ShellRoutes />
    </MeGate>
  );
}

function PublicSurvey() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<FullPageSpinner tip={t('app.loading')} />}>
      <PublicSurveyPage />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/callback" element={<CallbackPage />} />
      {/* The customer's survey link: outside the login shell, no sign-in. */}
      <Route path="/s/:token" element={<PublicSurvey />} />
      <Route path="*" element={<SignedInOrLanding />} />
    </Routes>
  );
}
