package app.meike.engagement.followup;

/** What makes a follow-up task. The first two and the last are events; the others are dates the daily run finds. */
public enum FollowUpTrigger {
    /** D+n after a treatment (an item line of a paid order, a redeemed pack session), per item category or for all. */
    AFTER_TREATMENT,
    /** n days before a pack's next session is due (its items' minimum intervals). */
    PACK_SESSION_DUE,
    /** n days before her birthday. */
    BIRTHDAY,
    /** n days before her points start to expire. */
    POINTS_EXPIRING,
    /** n days before her stored value starts to expire. */
    STORED_VALUE_EXPIRING,
    /** n days without a visit. */
    AT_RISK,
    /** n days after a consultation that did not convert (call back). */
    CONSULTATION_NOT_CONVERTED;

    boolean dateDriven() {
        return this != AFTER_TREATMENT && this != CONSULTATION_NOT_CONVERTED;
    }
}
