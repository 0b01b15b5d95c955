package app.meike.engagement.referral;

/** What a referral reward gives: POINTS (n points). Kinds with other parameters slot in beside it. */
public enum RewardKind {
    POINTS
}
