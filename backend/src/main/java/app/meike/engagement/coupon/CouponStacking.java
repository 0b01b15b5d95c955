package app.meike.engagement.coupon;

/**
 * Whether a coupon may share an order with other coupons. Either way it comes on top of the tier discount: coupons
 * take their part of what is left of a line after its line and tier discounts.
 */
public enum CouponStacking {
    EXCLUSIVE, STACKABLE
}
