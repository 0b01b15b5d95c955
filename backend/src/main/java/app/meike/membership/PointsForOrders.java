package app.meike.membership;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What orders ask of the points ledger. Calls join the caller's transaction and lock the customer's points
 * account, so parallel orders never overspend; a short balance is a 422 problem.
 */
public interface PointsForOrders {
    /** Points it takes to pay `amount` (minor units) with points, rounded up; 422 when the chain's rules forbid it. */
    long pointsToPay(long amount);

    /** The money (minor units, rounded down) that `points` are worth under the chain's redemption value. */
    long valueOf(long points);

    /** Takes the points from the customer's lots, oldest first, as a tender of the order. */
    void redeemForOrder(UUID customerId, UUID orderId, long points, OffsetDateTime at);

    /** Earns points on the order's qualifying spend (earn rate x multiplier); answers how many were earned. */
    long earnForOrder(UUID customerId, UUID orderId, long qualifyingAmount, BigDecimal multiplier, OffsetDateTime at);

    /**
     * Takes back up to `points` the order earned, as far as the balance allows; answers the shortfall, the points
     * already spent that could not be taken back (the refund nets their value in money).
     */
    long reverseEarned(UUID customerId, UUID orderId, UUID refundId, long points, OffsetDateTime at);

    /** Gives back points the order was paid with, when the refund returns that tender. */
    void restoreRedeemed(UUID customerId, UUID orderId, UUID refundId, long points, OffsetDateTime at);
}
