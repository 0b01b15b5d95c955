package app.meike.engagement.coupon;

/** Why a customer holds a coupon. REFERRAL_REWARD is issued by the system only, never through the API. */
public enum CouponSource {
    CAMPAIGN, BIRTHDAY, CONSULTANT_GIFT, REFERRAL_REWARD
}
