package app.meike.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What orders ask of stored value. Calls join the caller's transaction and lock the customer's account, so parallel
 * payments never overdraw; a short balance is a 422 problem, a frozen account a 409.
 */
public interface StoredValueForOrders {
    /** What a payment took: principal (qualifying spend) and bonus (not). */
    record Taken(long principal, long bonus) {
    }

    /** What a refund gave back into the lots: principal (off the qualifying spend) and bonus. */
    record GivenBack(long principal, long bonus) {
    }

    /** Takes `amount` from the customer's lots usable at the order's clinic, as the order's (one) tender. */
    Taken debitForOrder(UUID customerId, UUID orderId, UUID clinicId, long amount, OffsetDateTime at);

    /**
     * Gives `amount` of what the order's payment took back into the lots it came from (running shares, so partial
     * refunds add up to the payment); once per refund: again answers what the first call gave back.
     */
    GivenBack reverseForOrderRefund(UUID orderId, UUID refundId, long amount, String reason, OffsetDateTime at);
}
