import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NavKey, Role } from './roles';
import { permissionsFor } from './roles';
import { FakeApi } from './test/fakeApi';
import { me, TENANT_A } from './test/fixtures';
import { renderApp } from './test/renderApp';

const ALL: NavKey[] = ['overview', 'clinics', 'staff', 'catalog', 'audit', 'tenants'];

describe('menu by role', () => {
  const cases: [Role[], NavKey[]][] = [
    [['platform-admin'], ['tenants']],
    [['tenant-admin'], ['overview', 'clinics', 'staff', 'catalog', 'audit']],
    [['manager'], ['overview', 'clinics', 'staff']],
    [['consultant'], ['overview', 'clinics']],
    [['front-desk'], ['overview', 'clinics']],
    [['clinician'], ['overview', 'clinics']],
  ];

  it.each(cases)('%j sees %j', async (roles, expected) => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(roles))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
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
    expect(permissionsFor(['platform-admin']).canManageCatalog).toBe(false);
    // The catalog is the chain admin's price list.
    expect(permissionsFor(['tenant-admin']).canManageCatalog).toBe(true);
    expect(permissionsFor(['manager', 'consultant']).canManageCatalog).toBe(false);
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

  it('sends a consultant away from the catalog', async () => {
    const consultant = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
    renderApp(consultant, { path: '/catalog' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(consultant.calls('GET', '/api/v1/catalog/items')).toHaveLength(0);
  });
});
