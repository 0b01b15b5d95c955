package app.meike.engagement.coupon;

import java.util.UUID;

/**
 * Coupons other features issue and take back (referral rewards): inside the caller's transaction, keyed by a source
 * reference so that issuing again for the same reference answers the coupon already issued.
 */
public interface CouponIssuing {
    /** Whether the chain has this coupon type and it is active, so a rule may name it for issuing. */
    boolean isActiveType(UUID couponTypeId);

    /** Issues one coupon of the type to the customer for this source reference, or answers the one already issued. */
    UUID issueFor(UUID customerId, UUID couponTypeId, CouponSource source, String sourceRef);

    /**
     * How a revocation went: unused coupons are voided; a coupon already redeemed stays redeemed (its order was paid
     * with it, and money is not taken back through a coupon), and is counted so the caller can act on it.
     */
    record Revocation(int voided, int alreadyRedeemed) {
    }

    /** Voids the unused coupons issued for this source reference, with the reason. */
    Revocation revokeFor(String sourceRef, String reason);
}
