package app.meike.customer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A customer's lifecycle status, derived from when she first visited, first paid and last came. A paying
 * customer is at risk after half the churn window without a visit, churned after all of it. The window is
 * the domain's default of 180 days until tenant settings make it configurable.
 */
public enum Lifecycle {
    LEAD, VISITED_NOT_CONVERTED, ACTIVE, AT_RISK, CHURNED;

    static final Duration CHURN_WINDOW = Duration.ofDays(180);
    private static final String LAST_SEEN = "coalesce(lastVisitAt, firstPurchaseAt)";

    static Lifecycle of(Customer c, OffsetDateTime now) {
        if (c.firstPurchaseAt == null) {
            return c.firstVisitAt == null ? LEAD : VISITED_NOT_CONVERTED;
        }
        OffsetDateTime lastSeen = c.lastVisitAt != null ? c.lastVisitAt : c.firstPurchaseAt;
        if (lastSeen.isAfter(now.minus(CHURN_WINDOW.dividedBy(2)))) {
            return ACTIVE;
        }
        return lastSeen.isAfter(now.minus(CHURN_WINDOW)) ? AT_RISK : CHURNED;
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

    Map<String, Object> parameters(OffsetDateTime now) {
        return switch (this) {
            case LEAD, VISITED_NOT_CONVERTED -> Map.of();
            case ACTIVE -> Map.of("activeSince", now.minus(CHURN_WINDOW.dividedBy(2)));
            case AT_RISK -> Map.of("activeSince", now.minus(CHURN_WINDOW.dividedBy(2)),
                    "churnedSince", now.minus(CHURN_WINDOW));
            case CHURNED -> Map.of("churnedSince", now.minus(CHURN_WINDOW));
        };
    }
}
