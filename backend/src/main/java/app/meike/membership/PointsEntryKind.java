package app.meike.membership;

/** What a ledger entry did: earned on an order, redeemed, expired, reversed or restored by a refund, adjusted. */
public enum PointsEntryKind {
    EARN, REDEEM, EXPIRE, REVERSE, ADJUST, RESTORE
}
