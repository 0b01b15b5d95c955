package app.meike.engagement.referral;

/**
 * What a referral reward gives: POINTS (n points), COUPON (one coupon of a chain's coupon type), STORED_VALUE_BONUS
 * (bonus-only stored value, never qualifying spend).
 */
public enum RewardKind {
    POINTS, COUPON, STORED_VALUE_BONUS
}
