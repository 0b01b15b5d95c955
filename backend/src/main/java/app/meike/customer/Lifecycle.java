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
        return condition("firstPurchaseAt", "firstVisitAt", "lastVisitAt");
    }

    /**
     * The same rule as a condition of a native query on the customer table under the alias, with its parameters:
     * for reports (segments) that must agree with the customer list.
     */
    public String sqlCondition(String alias) {
        return condition(alias + ".first_purchase_at", alias + ".first_visit_at", alias + ".last_visit_at");
    }

    private String condition(String firstPurchase, String firstVisit, String lastVisit) {
        String lastSeen = "coalesce(" + lastVisit + ", " + firstPurchase + ")";
        return switch (this) {
            case LEAD -> firstPurchase + " is null and " + firstVisit + " is null";
            case VISITED_NOT_CONVERTED -> firstPurchase + " is null and " + firstVisit + " is not null";
            case ACTIVE -> firstPurchase + " is not null and " + lastSeen + " > :activeSince";
            case AT_RISK -> firstPurchase + " is not null and " + lastSeen + " <= :activeSince and "
                    + lastSeen + " > :churnedSince";
            case CHURNED -> firstPurchase + " is not null and " + lastSeen + " <= :churnedSince";
        };
    }

    public Map<String, Object> parameters(OffsetDateTime now, Duration churnWindow) {
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
