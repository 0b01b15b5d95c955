package app.meike.engagement.coupon;

/** ISSUED coupons can be applied; the other states are final, except that a fully refunded order gives its back. */
public enum CouponStatus {
    ISSUED, REDEEMED, EXPIRED, VOIDED
}
