package app.meike.customer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A customer's lifecycle status, derived from when she first visited, first paid and last came. A paying
 * customer is at risk after half the chain's churn window without a visit, churned after all of it.
 */
public enum Lifecycle {
    LEAD, VISITED_NOT_CONVERTED, ACTIVE, AT_RISK, CHURNED;

    private static final String LAST_SEEN = "coalesce(lastVisitAt, firstPurchaseAt)";

    static Lifecycle of(Customer c, OffsetDateTime now, Duration churnWindow) {
        if (c.firstPurchaseAt == null) {
            return c.firstVisitAt == null ? LEAD : VISITED_NOT_CONVERTED;
        }
        OffsetDateTime lastSeen = c.lastVisitAt != null ? c.lastVisitAt : c.firstPurchaseAt;
        if (lastSeen.isAfter(now.minus(churnWindow.dividedBy(2)))) {
            return ACTIVE;
        }
        return lastSeen.isAfter(now.minus(churnWindow)) ? AT_RISK : CHURNED;
    }

    /** The same rule as a query condition, with its parameters. */
    String condition() {
        return switch (this) {
            case LEAD -> "firstPurchaseAt is null and firstVisitAt is null";
            case VISITED_NOT_CONVERTED -> "firstPurchaseAt is null and firstVisitAt is not null";
            case ACTIVE -> "firstPurchaseAt is not null and " + LAST_SEEN + " > :activeSince";
            case AT_RISK -> "firstPurchaseAt is not null and " + LAST_SEEN + " <= :activeSince and "
                    + LAST_SEEN + " > :churnedSince";
            case CHURNED -> "firstPurchaseAt is not null and " + LAST_SEEN + " <= :churnedSince";
        };
    }

    Map<String, Object> parameters(OffsetDateTime now, Duration churnWindow) {
        OffsetDateTime activeSince = now.minus(churnWindow.dividedBy(2));
        OffsetDateTime churnedSince = now.minus(churnWindow);
        return switch (this) {
            case LEAD, VISITED_NOT_CONVERTED -> Map.of();
            case ACTIVE -> Map.of("activeSince", activeSince);
            case AT_RISK -> Map.of("activeSince", activeSince, "churnedSince", churnedSince);
            case CHURNED -> Map.of("churnedSince", churnedSince);
        };
    }
}
