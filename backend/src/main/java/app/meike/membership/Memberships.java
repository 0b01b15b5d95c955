package app.meike.membership;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What orders ask of membership tiers. Calls join the caller's transaction. */
public interface Memberships {
    /** The benefits of the tier the customer holds now (an active manual override included). */
    MemberBenefits benefitsOf(UUID customerId);

    /**
     * Records qualifying spend: positive for a paid order or a raw stored-value debit, negative for a refund or a
     * reversal (sourceId is the order, the refund or the stored-value entry; recording the same source twice is a
     * no-op). Upgrades at once when the spend crosses a threshold;
     * a refund downgrades at once only when it pulls spend below the tier's threshold on the lifetime basis
     * (other bases wait for the review). Every tier change goes into the tier history with its reason.
     */
    void recordSpend(UUID customerId, UUID sourceId, SpendSource source, long amount, OffsetDateTime at);

    /**
     * The tier moves of recordSpend for spend already written by another path (a raw stored-value debit writes its
     * spend row in its own single statement): in a transaction of its own, after that spend committed.
     */
    void spendRecorded(UUID customerId, UUID sourceId, SpendSource source, long amount, OffsetDateTime at);

    /**
     * Where spend comes from: a paid order, the principal part of a raw stored-value debit; and what takes it back:
     * an order's refund, a raw debit's reversal.
     */
    enum SpendSource {
        ORDER, REFUND, STORED_VALUE, STORED_VALUE_REVERSAL;

        /** Refunds and reversals take spend back (zero or less); the others add it (zero or more). */
        public boolean takesBack() {
            return this == REFUND || this == STORED_VALUE_REVERSAL;
        }
    }
}
