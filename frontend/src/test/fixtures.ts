import type { components } from '../api/schema';

type Me = components['schemas']['Me'];
type Clinic = components['schemas']['Clinic'];
type Staff = components['schemas']['Staff'];

export const TENANT_A = {
  id: '01900000-0000-7000-8000-00000000000a',
  slug: 'meili-chain',
  name: '美丽医美连锁',
  status: 'ACTIVE' as const,
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
};

export function me(roles: Me['roles'], overrides: Partial<Me> = {}): Me {
  const platform = roles.includes('platform-admin');
  return {
    userId: 'kc-user-1',
    username: platform ? 'platform' : 'a.admin',
    displayName: platform ? '平台运营' : '张管理',
    email: 'a.admin@example.com',
    staffId: platform ? null : '01900000-0000-7000-8000-0000000005f1',
    tenant: platform ? null : TENANT_A,
    roles,
    allClinics: true,
    clinicIds: [],
    ...overrides,
  };
}

export function clinic(n: number, overrides: Partial<Clinic> = {}): Clinic {
  return {
    id: `01900000-0000-7000-8000-0000000ac${String(n).padStart(3, '0')}`,
    code: `SH-${String(n).padStart(2, '0')}`,
    name: `上海${n}号店`,
    address: `上海市静安区南京西路 ${n} 号`,
    phone: '021-62001234',
    timeZone: 'Asia/Shanghai',
    active: true,
    createdAt: '2025-01-01T10:00:00+08:00',
    updatedAt: '2025-01-01T10:00:00+08:00',
    version: 1,
    ...overrides,
  };
}

export function staff(n: number, overrides: Partial<Staff> = {}): Staff {
  return {
    id: `01900000-0000-7000-8000-0000000005${String(n).padStart(2, '0')}`,
    userId: `kc-${n}`,
    username: `staff.${n}`,
    email: `staff${n}@example.com`,
    displayName: `员工${n}`,
    phone: null,
    roles: ['consultant'],
    allClinics: false,
    clinicIds: [clinic(1).id],
    active: true,
    createdAt: '2025-01-01T10:00:00+08:00',
    updatedAt: '2025-01-01T10:00:00+08:00',
    version: 1,
    ...overrides,
  };
}

type Customer = components['schemas']['Customer'];
type CatalogItem = components['schemas']['CatalogItem'];

export function customer(n: number, overrides: Partial<Customer> = {}): Customer {
  return {
    id: `01900000-0000-7000-8000-0000000c0${String(n).padStart(3, '0')}`,
    name: `客户${n}`,
    phone: `1380013${String(n).padStart(4, '0')}`,
    phoneMasked: false,
    gender: 'FEMALE',
    birthDate: '1990-05-20',
    occupation: null,
    incomeBand: null,
    city: '上海',
    address: null,
    source: 'WALK_IN',
    referrer: null,
    ownerStaffId: null,
    homeClinicId: clinic(1).id,
    tags: [],
    notes: null,
    marketingConsent: { granted: false, channel: null, recordedAt: '2025-03-01T10:00:00+08:00' },
    firstVisitAt: null,
    firstPurchaseAt: null,
    lastVisitAt: null,
    status: 'LEAD',
    createdAt: '2025-03-01T10:00:00+08:00',
    updatedAt: '2025-03-01T10:00:00+08:00',
    version: 1,
    ...overrides,
  };
}

export function catalogItem(n: number, overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id: `01900000-0000-7000-8000-0000000d0${String(n).padStart(3, '0')}`,
    code: `HA-${n}`,
    name: `玻尿酸 ${n}ml`,
    category: 'INJECTION',
    listPrice: { amount: 680000 * n, currency: 'CNY' },
    durationMinutes: 45,
    entryLevel: false,
    active: true,
    allClinics: true,
    clinicIds: [],
    createdAt: '2025-01-01T10:00:00+08:00',
    updatedAt: '2025-01-01T10:00:00+08:00',
    version: 1,
    ...overrides,
  };
}

type Colleague = components['schemas']['Colleague'];

/** A staff member as the staff directory (GET /staff/directory) shows them to every colleague. */
export function colleague(s: Staff): Colleague {
  return { id: s.id, displayName: s.displayName, roles: s.roles, allClinics: s.allClinics, clinicIds: s.clinicIds };
}

type Order = components['schemas']['Order'];
type OrderLine = components['schemas']['OrderLine'];

const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** A line priced as the server does: unit price × quantity − line discount − tier discount (percent of the rest). */
export function orderLine(lineNo: number, item: CatalogItem, overrides: Partial<OrderLine> & { tierPercent?: number } = {}): OrderLine {
  const { tierPercent = 0, ...rest } = overrides;
  const quantity = rest.quantity ?? 1;
  const unit = rest.unitPrice?.amount ?? item.listPrice.amount;
  const lineDiscount = rest.lineDiscount?.amount ?? 0;
  const tier = Math.round(((unit * quantity - lineDiscount) * tierPercent) / 100);
  return {
    lineNo,
    kind: 'ITEM',
    itemId: item.id,
    packTemplateId: null,
    itemName: item.name,
    category: item.category,
    quantity,
    listPrice: item.listPrice,
    unitPrice: cny(unit),
    lineDiscount: cny(lineDiscount),
    tierDiscountPercent: tierPercent,
    tierDiscount: cny(tier),
    couponDiscount: cny(0),
    net: cny(unit * quantity - lineDiscount - tier),
    refunded: cny(0),
    seededByFirstConsultant: false,
    packIds: [],
    ...rest,
  };
}

/** An order whose totals add up from its lines. */
export function order(n: number, who: Customer, lines: OrderLine[], overrides: Partial<Order> = {}): Order {
  const subtotal = lines.reduce((s, l) => s + l.unitPrice.amount * l.quantity, 0);
  const total = lines.reduce((s, l) => s + l.net.amount, 0);
  return {
    id: `01900000-0000-7000-8000-0000000f0${String(n).padStart(3, '0')}`,
    number: `20261123-${String(n).padStart(4, '0')}`,
    customerId: who.id,
    customerName: who.name,
    clinicId: clinic(1).id,
    status: 'DRAFT',
    consultantId: null,
    clinicianId: null,
    note: null,
    tierName: null,
    pointsMultiplier: 1,
    lines,
    coupons: [],
    tenders: [],
    refunds: [],
    subtotal: cny(subtotal),
    discount: cny(subtotal - total),
    total: cny(total),
    qualifyingSpend: cny(0),
    pointsEarned: 0,
    secondDevelopment: false,
    paidAt: null,
    paidBy: null,
    voidReason: null,
    createdAt: '2026-11-23T10:00:00+08:00',
    updatedAt: '2026-11-23T10:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

type PointsRules = components['schemas']['PointsRules'];

/** The common rules: 1 point per yuan, 100 points pay ¥1, points can pay, expiring at the end of the next year. */
export function pointsRules(overrides: Partial<PointsRules> = {}): PointsRules {
  return {
    earnRate: 1,
    redeemPoints: 100,
    redeemAmount: cny(100),
    allowTender: true,
    expiry: { policy: 'END_OF_NEXT_YEAR' },
    reminderDays: 30,
    updatedAt: '2026-01-01T00:00:00Z',
    version: 2,
    ...overrides,
  };
}
