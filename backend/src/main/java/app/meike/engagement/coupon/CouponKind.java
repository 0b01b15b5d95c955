package app.meike.engagement.coupon;

/** What a coupon takes off: an amount (现金券), one free unit of an entry-level item (体验券), or a percentage. */
public enum CouponKind {
    CASH_VOUCHER, EXPERIENCE_VOUCHER, DISCOUNT_PERCENT
}
