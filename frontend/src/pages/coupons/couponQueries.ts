import type { components } from '../../api/schema';

export type CouponType = components['schemas']['CouponType'];
export type CouponTypeCreate = components['schemas']['CouponTypeCreate'];
export type Coupon = components['schemas']['Coupon'];
export type CouponKind = components['schemas']['CouponKind'];
export type CouponSource = components['schemas']['CouponSource'];
export type GiftBudget = components['schemas']['GiftBudget'];
export type CouponTypeFigures = components['schemas']['CouponTypeFigures'];

export const couponKeys = {
  all: ['coupons'] as const,
  types: ['coupons', 'types'] as const,
  ofCustomer: (customerId: string) => ['coupons', 'customer', customerId] as const,
  budgets: ['coupons', 'budgets'] as const,
  report: ['coupons', 'report'] as const,
};

/** The month a gift draws on, as the server names it (the chain's zone is Asia/Shanghai by default). */
export function currentMonth(now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  return `${shanghai.getUTCFullYear()}-${String(shanghai.getUTCMonth() + 1).padStart(2, '0')}`;
}

