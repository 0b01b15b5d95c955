package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentRulesService.Rules;
import app.meike.customer.Lifecycle;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The built-in segments, each a condition on the customer row `c` and her standing `s` (member_standing) now.
 * Active, at-risk, churned and visited-not-converted are the customer lifecycle's own conditions, so a segment and
 * the customer list never disagree.
 */
public enum BuiltInSegment {
    NEW, ACTIVE, HIGH_VALUE, LOYAL, AT_RISK, CHURNED, VISITED_NOT_CONVERTED, ENTRY_ITEM_ONLY;

    String condition() {
        return switch (this) {
            case NEW -> "coalesce(c.first_visit_at, c.created_at) > :newSince";
            case ACTIVE -> Lifecycle.ACTIVE.sqlCondition("c");
            case AT_RISK -> Lifecycle.AT_RISK.sqlCondition("c");
            case CHURNED -> Lifecycle.CHURNED.sqlCondition("c");
            case VISITED_NOT_CONVERTED -> Lifecycle.VISITED_NOT_CONVERTED.sqlCondition("c");
            case HIGH_VALUE -> "s.spend >= :highValueSpend OR s.score >= :highValueScore";
            case LOYAL -> "s.member_year >= :loyalMemberYears AND s.visits >= :loyalVisits";
            // Moving on is buying anything beyond the entry-level items; a line refunded in full was not bought.
            case ENTRY_ITEM_ONLY -> bought("i.entry_level") + " AND NOT " + bought("NOT i.entry_level");
        };
    }

    Map<String, Object> parameters(Rules rules, OffsetDateTime now, Duration churnWindow) {
        Map<String, Object> params = new HashMap<>();
        switch (this) {
            case NEW -> params.put("newSince", now.minusDays(rules.newWithinDays()));
            case ACTIVE -> params.putAll(Lifecycle.ACTIVE.parameters(now, churnWindow));
            case AT_RISK -> params.putAll(Lifecycle.AT_RISK.parameters(now, churnWindow));
            case CHURNED -> params.putAll(Lifecycle.CHURNED.parameters(now, churnWindow));
            case VISITED_NOT_CONVERTED -> params.putAll(Lifecycle.VISITED_NOT_CONVERTED.parameters(now, churnWindow));
            case HIGH_VALUE -> {
                params.put("highValueSpend", rules.highValueSpend());
                params.put("highValueScore", rules.highValueScore());
            }
            case LOYAL -> {
                params.put("loyalMemberYears", rules.loyalMemberYears());
                params.put("loyalVisits", rules.loyalVisits());
            }
            case ENTRY_ITEM_ONLY -> {
                // :at is every segment query's own parameter
            }
        }
        return params;
    }

    private static String bought(String itemCondition) {
        return "EXISTS (SELECT 1 FROM sales_order o JOIN order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id"
                + " JOIN catalog_item i ON i.tenant_id = l.tenant_id AND i.id = l.item_id"
                + " WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id AND o.status IN ('PAID', 'PARTIALLY_REFUNDED')"
                + " AND o.paid_at <= :at AND (l.refunded < l.net OR l.net = 0) AND " + itemCondition + ")";
    }
}
