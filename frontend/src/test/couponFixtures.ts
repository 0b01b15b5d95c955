import type { components } from '../api/schema';

type CouponType = components['schemas']['CouponType'];
type Coupon = components['schemas']['Coupon'];

const cny = (amount: number) => ({ amount, currency: 'CNY' });

export function couponType(n: number, overrides: Partial<CouponType> = {}): CouponType {
  return {
    id: `01900000-0000-7000-8000-0000000e1${String(n).padStart(3, '0')}`,
    code: `CASH-${n}`,
    name: `满减券${n}`,
    kind: 'CASH_VOUCHER',
    amountOff: cny(20_000),
    percentOff: null,
    maxDiscount: null,
    minSpend: cny(100_000),
    faceValue: cny(20_000),
    validFrom: null,
    validUntil: null,
    validDays: 90,
    stacking: 'EXCLUSIVE',
    allItems: true,
    itemIds: [],
    categories: [],
    active: true,
    createdAt: '2026-12-01T10:00:00+08:00',
    updatedAt: '2026-12-01T10:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

export function coupon(n: number, type: CouponType, customerId: string, overrides: Partial<Coupon> = {}): Coupon {
  return {
    id: `01900000-0000-7000-8000-0000000e2${String(n).padStart(3, '0')}`,
    couponTypeId: type.id,
    typeName: type.name,
    kind: type.kind,
    customerId,
    status: 'ISSUED',
    source: 'CAMPAIGN',
    sourceRef: null,
    note: null,
    issuedBy: 'kc-user-1',
    giftStaffId: null,
    faceValue: type.faceValue,
    issuedAt: '2026-12-01T10:00:00+08:00',
    validFrom: '2026-12-01T10:00:00+08:00',
    expiresAt: '2027-03-01T10:00:00+08:00',
    orderId: null,
    redeemedAt: null,
    discount: cny(0),
    expiredAt: null,
    voidedAt: null,
    voidReason: null,
    version: 0,
    ...overrides,
  };
}
