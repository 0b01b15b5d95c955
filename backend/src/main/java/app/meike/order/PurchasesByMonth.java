package app.meike.order;

import app.meike.common.MemberYearMonths;
import app.meike.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What a customer bought in each month of a member year, for plans to set against: the net of her paid orders'
 * lines (after tier and coupon discounts) in the month they were paid, minus what refunds gave back of those lines in
 * the month of the refund. An item line counts under its item, a pack line under its pack template.
 */
@ApplicationScoped
public class PurchasesByMonth {
    @Inject
    TenantContext tenantContext;

    /** `amount` may be negative: a month can refund more than it sold. */
    public record MonthlyPurchase(int month, UUID itemId, UUID packTemplateId, String name, long amount) {
    }

    public List<MonthlyPurchase> of(UUID customerId, OffsetDateTime yearStart, ZoneId zone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("WITH " + MemberYearMonths.CTE + ","
                        + " moves AS (SELECT o.paid_at AS at, l.item_id, l.pack_template_id, l.item_name, l.net AS amount"
                        + " FROM sales_order o JOIN order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id"
                        + " WHERE o.tenant_id = :tenant AND o.customer_id = :customer AND o.paid_at IS NOT NULL"
                        + " UNION ALL SELECT r.refunded_at, l.item_id, l.pack_template_id, l.item_name, -rl.amount"
                        + " FROM order_refund r JOIN sales_order o ON o.tenant_id = r.tenant_id AND o.id = r.order_id"
                        + " JOIN order_refund_line rl ON rl.tenant_id = r.tenant_id AND rl.refund_id = r.id"
                        + " JOIN order_line l ON l.tenant_id = o.tenant_id AND l.order_id = o.id AND l.line_no = rl.line_no"
                        + " WHERE r.tenant_id = :tenant AND o.customer_id = :customer)"
                        + " SELECT m.month, v.item_id, v.pack_template_id, min(v.item_name), sum(v.amount)"
                        + " FROM moves v JOIN months m ON v.at >= m.starts AND v.at < m.ends"
                        + " GROUP BY m.month, v.item_id, v.pack_template_id ORDER BY m.month, min(v.item_name)")
                .setParameter("yearStart", yearStart)
                .setParameter("zone", zone.getId())
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .getResultList();
        return rows.stream().map(r -> new MonthlyPurchase(((Number) r[0]).intValue(), (UUID) r[1], (UUID) r[2],
                (String) r[3], ((Number) r[4]).longValue())).toList();
    }
}
