package app.meike.membership;

import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.customer.CustomerService;
import app.meike.membership.MembershipDtos.Direction;
import app.meike.membership.MembershipDtos.Mover;
import app.meike.membership.MembershipDtos.PreviewTier;
import app.meike.membership.MembershipDtos.PreviewView;
import app.meike.membership.MembershipDtos.ProgramInput;
import app.meike.membership.MembershipDtos.TierRef;
import app.meike.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The preview in SQL aggregates: every member's qualifying spend under a proposed basis, the tier it reaches on
 * the proposed ladder, against the tier she holds. Computes what TierRules computes; keep them in step.
 */
@ApplicationScoped
public class MembershipPreviewQuery {
    @Inject
    TenantContext tenantContext;
    @Inject
    CustomerService customers;

    /** A proposed ladder: new tiers get a stand-in id, so they never equal a tier someone holds. */
    record Proposal(TierRules.Basis basis, List<ProposedTier> tiers) {
        static Proposal of(ProgramInput input) {
            return new Proposal(input.basis(), input.tiers().stream().map(t -> new ProposedTier(
                    t.id() == null ? Ids.newId() : t.id(), t.id() == null, t.name().trim(), t.threshold().amount()))
                    .toList());
        }
    }

    record ProposedTier(UUID id, boolean isNew, String name, long threshold) {
    }

    /** The counts and one page of movers, from one evaluation of every member (one statement). */
    PreviewView preview(Proposal proposal, OffsetDateTime now, PageRequest page, String currency) {
        Query query = query(proposal, now, "SELECT true AS counted, CAST(NULL AS uuid) AS customer_id,"
                + " CAST(NULL AS uuid) AS held, to_pos, CAST(NULL AS bigint) AS spend, CAST(NULL AS boolean) AS up,"
                + " count(*) AS holders, count(*) FILTER (WHERE moves AND up) AS moving_up,"
                + " count(*) FILTER (WHERE moves AND NOT up) AS moving_down, count(*) FILTER (WHERE NOT moves) AS staying"
                + " FROM judged GROUP BY to_pos"
                + " UNION ALL (SELECT false, customer_id, held, to_pos, spend, up, 0, 0, 0, 0 FROM judged"
                + " WHERE moves" + (page.after() == null ? "" : " AND customer_id > :after")
                + " ORDER BY customer_id LIMIT " + page.fetchSize() + ")");
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Integer, long[]> byPosition = new HashMap<>();
        List<Object[]> moverRows = new ArrayList<>();
        for (Object[] row : rows) {
            if ((Boolean) row[0]) {
                byPosition.put(row[3] == null ? -1 : ((Number) row[3]).intValue(), new long[]{
                        number(row[6]), number(row[7]), number(row[8]), number(row[9])});
            } else {
                moverRows.add(row);
            }
        }
        moverRows.sort(Comparator.comparing(r -> (UUID) r[1]));
        List<PreviewTier> tiers = new ArrayList<>();
        for (int i = 0; i < proposal.tiers().size(); i++) {
            ProposedTier tier = proposal.tiers().get(i);
            tiers.add(previewTier(tier.isNew() ? null : tier.id(), tier.name(), byPosition.get(i)));
        }
        tiers.add(previewTier(null, null, byPosition.get(-1)));
        Page<Mover> movers = movers(proposal, moverRows, page, currency);
        return new PreviewView(tiers.stream().mapToLong(PreviewTier::holders).sum(),
                tiers.stream().mapToLong(PreviewTier::movingUp).sum(),
                tiers.stream().mapToLong(PreviewTier::movingDown).sum(),
                tiers.stream().mapToLong(PreviewTier::staying).sum(), tiers, movers.items(), movers.nextCursor());
    }

    private Page<Mover> movers(Proposal proposal, List<Object[]> rows, PageRequest page, String currency) {
        Map<UUID, String> names = customers.namesOf(rows.stream().map(r -> (UUID) r[1]).toList());
        Map<UUID, MembershipTier> held = MembershipProgramService.allTiers();
        return page.page(rows, r -> (UUID) r[1], r -> {
            MembershipTier from = r[2] == null ? null : held.get((UUID) r[2]);
            ProposedTier to = r[3] == null ? null : proposal.tiers().get(((Number) r[3]).intValue());
            return new Mover((UUID) r[1], names.get((UUID) r[1]), from == null ? null : new TierRef(from.id, from.name),
                    to == null ? null : new TierRef(to.isNew() ? null : to.id(), to.name()),
                    (Boolean) r[5] ? Direction.UP : Direction.DOWN, new Money(number(r[4]), currency));
        });
    }

    /**
     * The member's spend as TierRules.qualifyingSpend computes it (entries up to now; rolling: after now - 12
     * months; member year: the greater of the current and the previous member year, years counted in UTC as
     * plusYears counts them), the
     * proposed tier it reaches, and whether that is a move, up or down by threshold (a retired tier by its own).
     */
    private Query query(Proposal proposal, OffsetDateTime now, String select) {
        String ladder = proposal.tiers().isEmpty()
                ? "SELECT CAST(NULL AS integer) AS pos, CAST(NULL AS uuid) AS tier_id, CAST(NULL AS bigint) AS threshold"
                + " WHERE false"
                : "SELECT * FROM (VALUES " + IntStream.range(0, proposal.tiers().size())
                .mapToObj(i -> "(" + i + ", CAST('" + proposal.tiers().get(i).id() + "' AS uuid), CAST("
                        + proposal.tiers().get(i).threshold() + " AS bigint))")
                .collect(Collectors.joining(", ")) + ") AS l (pos, tier_id, threshold)";
        String spend = switch (proposal.basis()) {
            case LIFETIME -> "coalesce(sum(s.amount), 0)";
            case ROLLING_12_MONTHS -> "coalesce(sum(s.amount) FILTER (WHERE s.spent_at > :rollingFrom), 0)";
            case MEMBER_YEAR -> "CASE WHEN y.start IS NULL THEN 0 ELSE greatest("
                    + "coalesce(sum(s.amount) FILTER (WHERE s.spent_at >= y.start), 0),"
                    + " coalesce(sum(s.amount) FILTER (WHERE s.spent_at >= y.previous AND s.spent_at < y.start), 0))"
                    + " END";
        };
        String sql = "WITH ladder AS (" + ladder + "),"
                + " spend AS (SELECT m.customer_id, m.tier_id AS held, greatest(0, " + spend + ") AS spend"
                + " FROM customer_membership m"
                + " CROSS JOIN LATERAL (SELECT"
                + "   ((m.first_paid_at AT TIME ZONE 'UTC') + make_interval(years => k.years)) AT TIME ZONE 'UTC' AS start,"
                + "   ((m.first_paid_at AT TIME ZONE 'UTC') + make_interval(years => k.years - 1)) AT TIME ZONE 'UTC'"
                + "     AS previous"
                + "   FROM (SELECT a.years + CASE WHEN (m.first_paid_at AT TIME ZONE 'UTC')"
                + "     + make_interval(years => a.years + 1) <= (:now AT TIME ZONE 'UTC') THEN 1 ELSE 0 END AS years"
                + "     FROM (SELECT CASE WHEN m.first_paid_at <= :now THEN CAST(extract(year FROM age(:now AT TIME"
                + "       ZONE 'UTC', m.first_paid_at AT TIME ZONE 'UTC')) AS integer) END AS years) a) k) y"
                + " LEFT JOIN qualifying_spend s ON s.tenant_id = m.tenant_id AND s.customer_id = m.customer_id"
                + "   AND s.spent_at <= :now"
                + " WHERE m.tenant_id = :tenant"
                + " GROUP BY m.customer_id, m.tier_id, y.start, y.previous),"
                + " placed AS (SELECT sp.*, (SELECT l.pos FROM ladder l WHERE l.threshold <= sp.spend"
                + "   ORDER BY l.pos DESC LIMIT 1) AS to_pos FROM spend sp),"
                + " judged AS (SELECT p.customer_id, p.held, p.spend, p.to_pos,"
                + "   p.held IS DISTINCT FROM l.tier_id AS moves,"
                + "   coalesce(l.threshold, -1) >= coalesce(hl.threshold, ht.threshold, -1) AS up"
                + "   FROM placed p"
                + "   LEFT JOIN ladder l ON l.pos = p.to_pos"
                + "   LEFT JOIN ladder hl ON hl.tier_id = p.held"
                + "   LEFT JOIN membership_tier ht ON ht.tenant_id = :tenant AND ht.id = p.held) "
                + select;
        Query query = MembershipTier.getEntityManager().createNativeQuery(sql)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("now", now);
        if (proposal.basis() == TierRules.Basis.ROLLING_12_MONTHS) {
            query.setParameter("rollingFrom", now.minusMonths(12));
        }
        return query;
    }

    private static PreviewTier previewTier(UUID id, String name, long[] counts) {
        long[] c = counts == null ? new long[4] : counts;
        return new PreviewTier(id, name, c[0], c[1], c[2], c[3]);
    }

    private static long number(Object cell) {
        return ((Number) cell).longValue();
    }
}
