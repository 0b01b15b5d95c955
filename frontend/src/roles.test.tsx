import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NavKey, Role } from './roles';
import { permissionsFor } from './roles';
import { FakeApi } from './test/fakeApi';
import { clinic, me, TENANT_A } from './test/fixtures';
import { renderApp } from './test/renderApp';

const ALL: NavKey[] = [
  'overview',
  'desk',
  'calendar',
  'customers',
  'pos',
  'orders',
  'customerImports',
  'conversion',
  'clinics',
  'staff',
  'catalog',
  'storedValuePlans',
  'storedValueRules',
  'storedValueImports',
  'referralRules',
  'referralLeaderboard',
  'tierSettings',
  'pointsSettings',
  'expiringPoints',
  'audit',
  'tenants',
];

describe('menu by role', () => {
  const cases: [Role[], NavKey[]][] = [
    [['platform-admin'], ['tenants']],
    [
      ['tenant-admin'],
      ['overview', 'desk', 'calendar', 'customers', 'pos', 'orders', 'customerImports', 'conversion', 'referralLeaderboard', 'expiringPoints', 'clinics', 'staff', 'catalog', 'tierSettings', 'pointsSettings', 'storedValuePlans', 'storedValueRules', 'storedValueImports', 'referralRules', 'audit'],
    ],
    [['manager'], ['overview', 'desk', 'calendar', 'customers', 'pos', 'orders', 'customerImports', 'conversion', 'referralLeaderboard', 'expiringPoints', 'clinics', 'staff']],
    [['consultant'], ['overview', 'desk', 'calendar', 'customers', 'pos', 'orders', 'expiringPoints', 'clinics']],
    [['front-desk'], ['overview', 'desk', 'calendar', 'customers', 'pos', 'orders', 'expiringPoints', 'clinics']],
    // Clinicians read orders but do not sell.
    [['clinician'], ['overview', 'desk', 'calendar', 'customers', 'orders', 'clinics']],
  ];

  it.each(cases)('%j sees %j', async (roles, expected) => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(roles))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
      .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
      .on('GET', '/api/v1/appointments', { items: [], nextCursor: null })
      .on('GET', '/api/v1/visits', { items: [], nextCursor: null })
      .on('GET', '/api/v1/tenants', { items: [], nextCursor: null });
    renderApp(api);
    await screen.findByTestId(`nav-${expected[0]}`);
    for (const key of ALL) {
      if (expected.includes(key)) expect(screen.getByTestId(`nav-${key}`)).toBeInTheDocument();
      else expect(screen.queryByTestId(`nav-${key}`)).not.toBeInTheDocument();
    }
  });

  it('write permissions follow the roles', () => {
    expect(permissionsFor(['tenant-admin'])).toMatchObject({ canManageClinics: true, canManageStaff: true, canViewAudit: true });
    expect(permissionsFor(['manager'])).toMatchObject({ canManageClinics: false, canViewStaff: true, canManageStaff: false });
    expect(permissionsFor(['consultant'])).toMatchObject({ canManageClinics: false, canViewStaff: false });
    expect(permissionsFor(['platform-admin'])).toMatchObject({ canManageTenants: true, home: '/tenants' });
    // Customers: every staff role reads them; all but clinicians register and edit them.
    for (const role of ['tenant-admin', 'manager', 'consultant', 'front-desk'] as Role[]) {
      expect(permissionsFor([role]).canManageCustomers, role).toBe(true);
    }
    expect(permissionsFor(['clinician']).canManageCustomers).toBe(false);
    expect(permissionsFor(['platform-admin'])).toMatchObject({ canManageCustomers: false, canManageCatalog: false });
    // The catalog is the chain admin's price list.
    expect(permissionsFor(['tenant-admin']).canManageCatalog).toBe(true);
    expect(permissionsFor(['manager', 'consultant']).canManageCatalog).toBe(false);
    // Imports and the conversion analysis: chain admins and managers. Merge and erase: chain admins only.
    for (const role of ['tenant-admin', 'manager'] as Role[]) {
      expect(permissionsFor([role]), role).toMatchObject({ canImportCustomers: true, canAnalyseConversion: true });
    }
    for (const role of ['consultant', 'front-desk', 'clinician', 'platform-admin'] as Role[]) {
      expect(permissionsFor([role]), role).toMatchObject({ canImportCustomers: false, canAnalyseConversion: false });
    }
    expect(permissionsFor(['tenant-admin']).canMergeAndEraseCustomers).toBe(true);
    for (const role of ['manager', 'consultant', 'front-desk', 'clinician', 'platform-admin'] as Role[]) {
      expect(permissionsFor([role]).canMergeAndEraseCustomers, role).toBe(false);
    }
    // Bookings and check-ins: those who register customers. Clinicians read the books and check visits out.
    for (const role of ['tenant-admin', 'manager', 'consultant', 'front-desk'] as Role[]) {
      expect(permissionsFor([role]).canBookAndCheckIn, role).toBe(true);
    }
    expect(permissionsFor(['clinician'])).toMatchObject({ canBookAndCheckIn: false, canUpdateVisits: true });
    // Consultations are health-related: not for the front desk; clinicians read them.
    expect(permissionsFor(['front-desk'])).toMatchObject({ canViewConsultations: false, canRecordConsultations: false });
    expect(permissionsFor(['clinician'])).toMatchObject({ canViewConsultations: true, canRecordConsultations: false });
    for (const role of ['tenant-admin', 'manager', 'consultant'] as Role[]) {
      expect(permissionsFor([role]), role).toMatchObject({ canViewConsultations: true, canRecordConsultations: true });
    }
    expect(permissionsFor(['platform-admin'])).toMatchObject({ canBookAndCheckIn: false, canViewConsultations: false });
    // Sales: everyone but clinicians at the till; refunds for chain admins and managers; tiers and points rules for chain admins.
    for (const role of ['tenant-admin', 'manager', 'consultant', 'front-desk'] as Role[]) {
      expect(permissionsFor([role]).canSell, role).toBe(true);
    }
    expect(permissionsFor(['clinician']).canSell).toBe(false);
    for (const role of ['tenant-admin', 'manager'] as Role[]) expect(permissionsFor([role]).canRefundOrders, role).toBe(true);
    for (const role of ['consultant', 'front-desk', 'clinician', 'platform-admin'] as Role[]) {
      expect(permissionsFor([role]).canRefundOrders, role).toBe(false);
    }
    // Stored value: who sells tops up; the front desk also freezes; refunds and the rest for managers and chain admins; transfers for chain admins.
    const storedValue = (role: Role) => {
      const p = permissionsFor([role]);
      return [p.canTopUp, p.canFreezeStoredValue, p.canRefundStoredValue, p.canTransferStoredValue];
    };
    expect(storedValue('tenant-admin')).toEqual([true, true, true, true]);
    expect(storedValue('manager')).toEqual([true, true, true, false]);
    expect(storedValue('front-desk')).toEqual([true, true, false, false]);
    expect(storedValue('consultant')).toEqual([true, false, false, false]);
    expect(storedValue('clinician')).toEqual([false, false, false, false]);
    expect(storedValue('platform-admin')).toEqual([false, false, false, false]);
    expect(permissionsFor(['tenant-admin']).canManageLoyalty).toBe(true);
    for (const role of ['manager', 'consultant', 'front-desk', 'clinician', 'platform-admin'] as Role[]) {
      expect(permissionsFor([role]).canManageLoyalty, role).toBe(false);
    }
  });

  it('lands the front desk on the check-in desk, everyone else on the overview', async () => {
    expect(permissionsFor(['front-desk']).home).toBe('/desk');
    expect(permissionsFor(['consultant']).home).toBe('/overview');
    expect(permissionsFor(['manager', 'front-desk']).home).toBe('/overview');
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['front-desk']))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
      .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
      .on('GET', '/api/v1/appointments', { items: [], nextCursor: null })
      .on('GET', '/api/v1/visits', { items: [], nextCursor: null });
    renderApp(api);
    expect(await screen.findByTestId('desk-page')).toBeInTheDocument();
    expect(await screen.findByText('今天没有预约')).toBeInTheDocument();
  });

  it('shows the chain name and user in the header, and sends a manager away from the audit log', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['manager'], { displayName: '李店长' }))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
    renderApp(api, { path: '/audit' });
    expect(await screen.findByTestId('tenant-name')).toHaveTextContent(TENANT_A.name);
    expect(screen.getByTestId('user-name')).toHaveTextContent('李店长');
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/audit-events')).toHaveLength(0);
  });

  it('sends a consultant away from customer imports and the conversion analysis, without asking the API', async () => {
    for (const path of ['/customer-imports', '/customer-imports/01900000-0000-7000-8000-0000000001a1', '/conversion']) {
      const api = new FakeApi()
        .on('GET', '/api/v1/me', me(['consultant']))
        .on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
      const { unmount } = renderApp(api, { path });
      expect(await screen.findByText('您没有权限访问此页面'), path).toBeInTheDocument();
      expect(api.requests.some((r) => r.path.startsWith('/api/v1/customer-imports') || r.path.startsWith('/api/v1/consultations'))).toBe(false);
      unmount();
    }
  });

  it('sends a clinician away from the till, and everyone but the chain admin away from tier and points settings', async () => {
    const cases: [Role, string, string][] = [
      ['clinician', '/pos', '/api/v1/orders'],
      ['manager', '/settings/tiers', '/api/v1/membership/tiers'],
      ['consultant', '/settings/points', '/api/v1/points/rules'],
      ['manager', '/settings/stored-value-plans', '/api/v1/stored-value/plans'],
      ['front-desk', '/settings/stored-value-rules', '/api/v1/stored-value/rules'],
    ];
    for (const [role, path, endpoint] of cases) {
      const api = new FakeApi()
        .on('GET', '/api/v1/me', me([role]))
        .on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
      const { unmount } = renderApp(api, { path });
      expect(await screen.findByText('您没有权限访问此页面'), path).toBeInTheDocument();
      expect(api.requests.some((r) => r.path.startsWith(endpoint)), path).toBe(false);
      unmount();
    }
  });

  it('sends a consultant away from the catalog, and a platform operator away from customers', async () => {
    const consultant = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
    const { unmount } = renderApp(consultant, { path: '/catalog' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(consultant.calls('GET', '/api/v1/catalog/items')).toHaveLength(0);
    unmount();

    const platform = new FakeApi()
      .on('GET', '/api/v1/me', me(['platform-admin']))
      .on('GET', '/api/v1/tenants', { items: [], nextCursor: null });
    renderApp(platform, { path: '/customers/01900000-0000-7000-8000-0000000c0001' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(platform.requests.some((r) => r.path.startsWith('/api/v1/customers'))).toBe(false);
  });
});
