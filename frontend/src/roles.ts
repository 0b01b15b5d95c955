import type { components } from './api/schema';

export type Role = components['schemas']['Role'];
export type StaffRole = components['schemas']['StaffRole'];
export type NavKey = 'overview' | 'clinics' | 'staff' | 'catalog' | 'audit' | 'tenants';

export const STAFF_ROLES: StaffRole[] = ['tenant-admin', 'manager', 'consultant', 'front-desk', 'clinician'];

export interface Permissions {
  /** Side-menu entries, in order. */
  nav: NavKey[];
  /** Landing route after sign-in. */
  home: string;
  canManageClinics: boolean;
  canViewStaff: boolean;
  canManageStaff: boolean;
  canViewAudit: boolean;
  canManageTenants: boolean;
  canManageCatalog: boolean;
}

/**
 * What the UI offers per role. The backend enforces the same rules (RoleMatrixTest); this only hides
 * what a role cannot do. platform-admin: tenants only. tenant-admin: everything in the chain.
 * manager: overview, clinics, staff (read-only). Everyone else: overview and clinics (read-only).
 * The treatment catalog is the chain admin's price list: only they see it.
 */
export function permissionsFor(roles: readonly Role[]): Permissions {
  const has = (role: Role) => roles.includes(role);
  if (has('platform-admin')) {
    return {
      nav: ['tenants'],
      home: '/tenants',
      canManageClinics: false,
      canViewStaff: false,
      canManageStaff: false,
      canViewAudit: false,
      canManageTenants: true,
      canManageCatalog: false,
    };
  }
  const admin = has('tenant-admin');
  const manager = has('manager');
  const nav: NavKey[] = ['overview', 'clinics'];
  if (admin || manager) nav.push('staff');
  if (admin) nav.push('catalog', 'audit');
  return {
    nav,
    home: '/overview',
    canManageClinics: admin,
    canViewStaff: admin || manager,
    canManageStaff: admin,
    canViewAudit: admin,
    canManageTenants: false,
    canManageCatalog: admin,
  };
}
