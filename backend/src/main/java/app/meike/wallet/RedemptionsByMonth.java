package app.meike.wallet;

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
 * The pack sessions a customer was given in each month of a member year, per item, valued at what the session took
 * of the pack's split price (the value its ledger entry moved). A reversed redemption was not given, so it does not
 * count at all.
 */
@ApplicationScoped
public class RedemptionsByMonth {
    @Inject
    TenantContext tenantContext;

    public record MonthlyRedemptions(int month, UUID itemId, String name, int sessions, long value) {
    }

    public List<MonthlyRedemptions> of(UUID customerId, OffsetDateTime yearStart, ZoneId zone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("WITH " + MemberYearMonths.CTE
                        + " SELECT m.month, ei.item_id, min(i.item_name), count(*), sum(-ei.value)"
                        + " FROM session_pack_entry e"
                        + " JOIN session_pack p ON p.tenant_id = e.tenant_id AND p.id = e.pack_id"
                        + " JOIN session_pack_entry_item ei ON ei.tenant_id = e.tenant_id AND ei.entry_id = e.id"
                        + " JOIN session_pack_item i ON i.tenant_id = ei.tenant_id AND i.pack_id = ei.pack_id"
                        + " AND i.item_id = ei.item_id"
                        + " JOIN months m ON e.occurred_at >= m.starts AND e.occurred_at < m.ends"
                        + " WHERE e.tenant_id = :tenant AND p.customer_id = :customer AND e.kind = 'REDEEM'"
                        + " AND NOT EXISTS (SELECT 1 FROM session_pack_entry x WHERE x.tenant_id = e.tenant_id"
                        + " AND x.reversal_of = e.id)"
                        + " GROUP BY m.month, ei.item_id ORDER BY m.month, min(i.item_name)")
                .setParameter("yearStart", yearStart)
                .setParameter("zone", zone.getId())
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .getResultList();
        return rows.stream().map(r -> new MonthlyRedemptions(((Number) r[0]).intValue(), (UUID) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).longValue())).toList();
    }
}
