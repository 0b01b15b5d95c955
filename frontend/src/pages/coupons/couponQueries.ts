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

/** The month a gift draws on, as the server names it: the month it is now in the chain's time zone. */
export function currentMonth(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now);
}

