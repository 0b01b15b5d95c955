package app.meike.membership;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What orders ask of membership tiers. Calls join the caller's transaction. */
public interface Memberships {
    /** The benefits of the tier the customer holds now (an active manual override included). */
    MemberBenefits benefitsOf(UUID customerId);

    /**
     * Records qualifying spend: positive for a paid order, negative for a refund (sourceId is the order or the
     * refund; recording the same source twice is a no-op). Upgrades at once when the spend crosses a threshold;
     * a refund downgrades at once only when it pulls spend below the tier's threshold on the lifetime basis
     * (other bases wait for the review). Every tier change goes into the tier history with its reason.
     */
    void recordSpend(UUID customerId, UUID sourceId, SpendSource source, long amount, OffsetDateTime at);

    enum SpendSource { ORDER, REFUND }
}
