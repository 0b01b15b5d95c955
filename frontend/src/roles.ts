import type { components } from './api/schema';

export type Role = components['schemas']['Role'];
export type StaffRole = components['schemas']['StaffRole'];
export type NavKey =
  | 'overview'
  | 'desk'
  | 'calendar'
  | 'customers'
  | 'pos'
  | 'orders'
  | 'customerImports'
  | 'dashboard'
  | 'conversion'
  | 'clinics'
  | 'staff'
  | 'catalog'
  | 'storedValuePlans'
  | 'storedValueRules'
  | 'storedValueImports'
  | 'referralRules'
  | 'tierSettings'
  | 'pointsSettings'
  | 'expiringPoints'
  | 'packTemplates'
  | 'couponTypes'
  | 'giftBudgets'
  | 'couponReport'
  | 'referralLeaderboard'
  | 'liabilities'
  | 'followUps'
  | 'followUpRules'
  | 'complaints'
  | 'satisfactionRules'
  | 'standardsReport'
  | 'standardsRules'
  | 'memberAnalytics'
  | 'segmentRules'
  | 'audit'
  | 'tenants';

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
  /** Register customers, edit them, record consent, attach a referrer. */
  canManageCustomers: boolean;
  canManageCatalog: boolean;
  /** Upload customer files, read their reports and commit them. */
  canImportCustomers: boolean;
  /** Merge a duplicate into a customer, erase a customer's personal data (PIPL). */
  canMergeAndEraseCustomers: boolean;
  /** Consultation conversion and non-conversion reasons. */
  canAnalyseConversion: boolean;
  /** Book, move, confirm, cancel and no-show appointments; check customers in (arrivals and walk-ins). */
  canBookAndCheckIn: boolean;
  /** Check a visit out, change its purpose, staff or note. */
  canUpdateVisits: boolean;
  /** Read consultations and design assessments (health-related: not the front desk). */
  canViewConsultations: boolean;
  canRecordConsultations: boolean;
  /** Ring up sales at the till (收银): draft orders, take tenders, pay. */
  canSell: boolean;
  /** Refund paid orders. */
  canRefundOrders: boolean;
  /** Sell a stored-value plan to a customer (a top-up). */
  canTopUp: boolean;
  /** Freeze a stored-value account (lost card, dispute). */
  canFreezeStoredValue: boolean;
  /** Refund a stored-value account, unfreeze it, reactivate its expired value. */
  canRefundStoredValue: boolean;
  /** Transfer a stored-value balance to another customer, adjust it by hand. */
  canTransferStoredValue: boolean;
  /** Membership tiers and points rules. */
  canManageLoyalty: boolean;
  /** Set a customer's tier by hand until a date, end such an override. */
  canOverrideTiers: boolean;
  /** Add or take a customer's points by hand, with a reason. */
  canAdjustPoints: boolean;
  /** Redeem a customer's points for a gift. */
  canRedeemPoints: boolean;
  /** Redeem a session of a customer's pack at her visit. */
  canRedeemPacks: boolean;
  /** Refund a pack's unused sessions, freeze, unfreeze and extend it, reverse a redemption, redeem sooner than an item's interval. */
  canManagePacks: boolean;
  /** See every follow-up task at one's clinics (not only one's own), reassign and cancel them. */
  canManageFollowUps: boolean;
  /** Issue coupons to customers (campaign, birthday) and void them. */
  canIssueCoupons: boolean;
  /** Gift a coupon from one's own monthly gift budget. */
  canGiftCoupons: boolean;
  /** Draft and revise a customer's annual treatment plan (every staff role reads it). */
  canPlanTreatments: boolean;
  /** Record a visit's satisfaction survey, send its one-time link, open a complaint by hand. */
  canSurvey: boolean;
  /** Work complaints (take, resolve, close, reassign) and read the satisfaction summary. */
  canManageComplaints: boolean;
  /** Read one customer's five gold standards (chain admins, managers, consultants; the chain-wide report is the first two's). */
  canReadMemberStandards: boolean;
}

/**
 * What the UI offers per role. The backend enforces the same rules (RoleMatrixTest); this only hides
 * what a role cannot do. platform-admin: tenants only. tenant-admin: everything in the chain.
 * manager: overview, customers, clinics, staff (read-only). consultant and front desk: overview,
 * customers, clinics (read-only). clinician: the same, customers read-only (the server masks their phones).
 * The treatment catalog is the chain admin's price list: only they see it. Customer imports and the
 * conversion analysis are for chain admins and managers; merging and erasing customers for chain admins.
 * Every staff role may export the customer list (the server masks phones where the role needs it).
 * Stored value: everyone who sells tops up; the front desk, managers and chain admins freeze an account; managers
 * and chain admins refund, unfreeze and reactivate it; chain admins transfer, adjust, and keep its plans and rules.
 * Every staff role sees the check-in desk and the booking calendar; clinicians only read the books and check
 * visits out. Consultations are health-related: front desk staff neither read nor record them, clinicians
 * read them. The front desk starts at the check-in desk. Everyone but clinicians sells at the till; every staff
 * role reads orders; refunds are for chain admins and managers; tiers and points rules for chain admins.
 * Tiers are set by hand by chain admins, points adjusted by hand by admins and managers; everyone who sells
 * redeems points for gifts and sees whose points expire soon (to remind them). Pack templates are the chain
 * admin's; pack sessions are redeemed by all but consultants; refunds, freezes, extensions, reversals and early
 * sessions of packs, and the liabilities report, are for chain admins and managers. Everyone who sells works a
 * follow-up queue (their own tasks; chain admins and managers every task at their clinics, which they reassign and
 * cancel); the follow-up rules are the chain admin's; every staff role records contacts with a customer. Coupon types
 * are the chain admin's; managers and chain admins issue and void coupons, set gift budgets and read the coupon report;
 * consultants gift coupons from their own monthly budget. Every staff role reads a customer's annual plan; chain
 * admins, managers and consultants draft and revise it. Everyone who sees customers at the desk or in consultation
 * records satisfaction surveys and sends their links; chain admins and managers work the complaints board and read
 * the summary; the satisfaction rules are the chain admin's.
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
      canManageCustomers: false,
      canManageCatalog: false,
      canImportCustomers: false,
      canMergeAndEraseCustomers: false,
      canAnalyseConversion: false,
      canBookAndCheckIn: false,
      canUpdateVisits: false,
      canViewConsultations: false,
      canRecordConsultations: false,
      canSell: false,
      canRefundOrders: false,
      canTopUp: false,
      canFreezeStoredValue: false,
      canRefundStoredValue: false,
      canTransferStoredValue: false,
      canManageLoyalty: false,
      canOverrideTiers: false,
      canAdjustPoints: false,
      canRedeemPoints: false,
      canRedeemPacks: false,
      canManagePacks: false,
      canManageFollowUps: false,
      canIssueCoupons: false,
      canGiftCoupons: false,
      canPlanTreatments: false,
      canSurvey: false,
      canManageComplaints: false,
      canReadMemberStandards: false,
    };
  }
  const admin = has('tenant-admin');
  const manager = has('manager');
  const customerWriter = admin || manager || has('consultant') || has('front-desk');
  const consultationWriter = admin || manager || has('consultant');
  const nav: NavKey[] = ['overview', 'desk', 'calendar', 'customers'];
  if (customerWriter) nav.push('pos');
  nav.push('orders');
  if (admin || manager) nav.push('dashboard', 'customerImports', 'conversion', 'liabilities', 'couponReport', 'referralLeaderboard', 'giftBudgets', 'complaints', 'standardsReport', 'memberAnalytics');
  if (customerWriter) nav.push('expiringPoints', 'followUps');
  nav.push('clinics');
  if (admin || manager) nav.push('staff');
  if (admin) nav.push('catalog', 'packTemplates', 'couponTypes', 'tierSettings', 'pointsSettings', 'storedValuePlans', 'storedValueRules', 'storedValueImports', 'followUpRules', 'referralRules', 'satisfactionRules', 'standardsRules', 'segmentRules', 'audit');
  return {
    nav,
    home: has('front-desk') && !admin && !manager ? '/desk' : '/overview',
    canManageClinics: admin,
    canViewStaff: admin || manager,
    canManageStaff: admin,
    canViewAudit: admin,
    canManageTenants: false,
    canManageCustomers: customerWriter,
    canManageCatalog: admin,
    canImportCustomers: admin || manager,
    canMergeAndEraseCustomers: admin,
    canAnalyseConversion: admin || manager,
    canBookAndCheckIn: customerWriter,
    canUpdateVisits: true,
    canViewConsultations: consultationWriter || has('clinician'),
    canRecordConsultations: consultationWriter,
    canSell: customerWriter,
    canRefundOrders: admin || manager,
    canTopUp: customerWriter,
    canFreezeStoredValue: admin || manager || has('front-desk'),
    canRefundStoredValue: admin || manager,
    canTransferStoredValue: admin,
    canManageLoyalty: admin,
    canOverrideTiers: admin,
    canAdjustPoints: admin || manager,
    canRedeemPoints: customerWriter,
    canRedeemPacks: admin || manager || has('front-desk') || has('clinician'),
    canManagePacks: admin || manager,
    canManageFollowUps: admin || manager,
    canIssueCoupons: admin || manager,
    canGiftCoupons: admin || manager || has('consultant'),
    canPlanTreatments: consultationWriter,
    canSurvey: customerWriter,
    canManageComplaints: admin || manager,
    canReadMemberStandards: consultationWriter,
  };
}
