package app.meike.order;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Domain events of sales, fired synchronously inside the paying or refunding transaction, so a listener's
 * writes (referral rewards, summaries, webhook outbox rows) commit or roll back with the money.
 */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** An order was paid; `qualifyingSpend` is the external money it took. */
    public record OrderPaid(UUID orderId, UUID customerId, UUID clinicId, UUID consultantId, long total,
                            long qualifyingSpend, long pointsEarned, boolean secondDevelopment,
                            OffsetDateTime paidAt) {
    }

    /**
     * Part or all of an order was refunded; `moneyReturned` is the external money that went back, and
     * `qualifyingReturned` the qualifying spend it took back: that money plus the stored-value principal given back.
     */
    public record OrderRefunded(UUID orderId, UUID refundId, UUID customerId, UUID clinicId, long amount,
                                long moneyReturned, long qualifyingReturned, boolean fullyRefunded,
                                OffsetDateTime refundedAt) {
    }
}
