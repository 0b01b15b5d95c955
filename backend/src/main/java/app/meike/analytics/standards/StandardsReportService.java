package app.meike.analytics.standards;

import app.meike.analytics.standards.StandardsDtos.FallingMember;
import app.meike.analytics.standards.StandardsDtos.ScoreBuckets;
import app.meike.analytics.standards.StandardsDtos.SpendBand;
import app.meike.analytics.standards.StandardsDtos.StandingMember;
import app.meike.analytics.standards.StandardsDtos.StandardsDistribution;
import app.meike.analytics.standards.StandardsDtos.StandardsMeasures;
import app.meike.analytics.standards.StandardsDtos.StandardsScores;
import app.meike.analytics.standards.StandardsDtos.VisitBand;
import app.meike.analytics.standards.StandardsDtos.VisitsVersusSpend;
import app.meike.common.Clocks;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.SignedMoney;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The chain's five standards at a glance, over every member's year in progress (member_standing now): score
 * distributions, visit frequency against spend, the top members and those falling behind their previous year. Member
 * analytics select customers by home clinic (a clinic filter and a clinic-limited caller's clinics); her measures
 * are chain-wide.
 */
@ApplicationScoped
public class StandardsReportService {
    static final int BUCKETS = 10;
    /** Visit bands of the seed's observation (12 / 25 / 30+ visits a year): lower bounds, the last open. */
    static final int[] VISIT_BANDS = {0, 1, 6, 12, 25, 30};
    /** Spend bands of the seed's observation: 100,000, 400,000 and 600,000 a year, in minor units. */
    static final long[] SPEND_BANDS = {10_000_000L, 40_000_000L, 60_000_000L};
    private static final String[] MEASURES = {"score", "spend_score", "items_score", "visits_score",
            "referrals_score", "satisfaction_score"};

    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    TenantService tenants;
    @Inject
    TenantContext tenantContext;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** A report's query over the members in scope: `standing` is member_standing now with her home clinic. */
    private record Scoped(Query query, OffsetDateTime now) {
    }

    public StandardsDistribution distribution(UUID clinicId) {
        StringBuilder columns = new StringBuilder("count(*), count(*) FILTER (WHERE satisfaction_score IS NULL)");
        for (String measure : MEASURES) {
            for (int k = 0; k < BUCKETS; k++) {
                columns.append(", count(*) FILTER (WHERE least(").append(measure).append(" / 10, 9) = ").append(k)
                        .append(')');
            }
        }
        Scoped scoped = scoped("SELECT " + columns + " FROM standing", clinicId);
        Object[] r = (Object[]) scoped.query().getSingleResult();
        List<List<Integer>> buckets = IntStream.range(0, MEASURES.length)
                .mapToObj(m -> IntStream.range(0, BUCKETS).mapToObj(k -> ((Number) r[2 + m * BUCKETS + k]).intValue())
                        .toList())
                .toList();
        return new StandardsDistribution(scoped.now(), clinicId, ((Number) r[0]).intValue(),
                new ScoreBuckets(buckets.get(0), buckets.get(1), buckets.get(2), buckets.get(3), buckets.get(4),
                        buckets.get(5), ((Number) r[1]).intValue()));
    }

    /**
     * Members per visit band with their average and median spend, and per spend band (at least the amount) their
     * average and median visits, all over the year in progress. Averages and medians are rounded half up (to the fen,
     * to 0.1 visit); null for an empty band.
     */
    public VisitsVersusSpend visitsVersusSpend(UUID clinicId) {
        StringBuilder band = new StringBuilder("CASE");
        for (int k = VISIT_BANDS.length - 1; k > 0; k--) {
            band.append(" WHEN visits >= ").append(VISIT_BANDS[k]).append(" THEN ").append(k);
        }
        band.append(" ELSE 0 END");
        StringBuilder columns = new StringBuilder();
        for (int k = 0; k < VISIT_BANDS.length; k++) {
            String in = " FILTER (WHERE " + band + " = " + k + ")";
            columns.append(k == 0 ? "" : ", ").append("count(*)").append(in).append(", round(avg(spend)").append(in)
                    .append("), round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY spend)").append(in)
                    .append(" AS numeric))");
        }
        for (long minimum : SPEND_BANDS) {
            String in = " FILTER (WHERE spend >= " + minimum + ")";
            columns.append(", count(*)").append(in).append(", round(avg(visits)").append(in).append(", 1)")
                    .append(", round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY visits)").append(in)
                    .append(" AS numeric), 1)");
        }
        Scoped scoped = scoped("SELECT " + columns + " FROM standing", clinicId);
        Object[] r = (Object[]) scoped.query().getSingleResult();
        String currency = tenants.currencyOf(tenantContext.tenantId());
        List<VisitBand> visitBands = new ArrayList<>();
        for (int k = 0; k < VISIT_BANDS.length; k++) {
            int at = k * 3;
            visitBands.add(new VisitBand(VISIT_BANDS[k], k + 1 < VISIT_BANDS.length ? VISIT_BANDS[k + 1] - 1 : null,
                    ((Number) r[at]).intValue(), signedMoney(r[at + 1], currency), signedMoney(r[at + 2], currency)));
        }
        List<SpendBand> spendBands = new ArrayList<>();
        for (int k = 0; k < SPEND_BANDS.length; k++) {
            int at = VISIT_BANDS.length * 3 + k * 3;
            spendBands.add(new SpendBand(new Money(SPEND_BANDS[k], currency), ((Number) r[at]).intValue(),
                    decimal(r[at + 1]), decimal(r[at + 2])));
        }
        return new VisitsVersusSpend(scoped.now(), clinicId, visitBands, spendBands);
    }

    /** Members by composite score, highest first (ties by customer id), paginated by (score, id). */
    public Page<StandingMember> top(UUID clinicId, int limit, String cursor) {
        Position after = Position.decode("s1", cursor);
        Scoped scoped = scoped("SELECT customer_id, home_clinic_id, member_year, spend, items, visits, referrals,"
                + " satisfaction, spend_score, items_score, visits_score, referrals_score, satisfaction_score, score"
                + " FROM standing"
                + (after == null ? "" : " WHERE score < :afterValue OR (score = :afterValue AND customer_id > :afterId)")
                + " ORDER BY score DESC, customer_id LIMIT :fetch", clinicId);
        bindAfter(scoped.query(), after).setParameter("fetch", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scoped.query().getResultList();
        String currency = tenants.currencyOf(tenantContext.tenantId());
        Map<UUID, String> names = customers.namesOf(rows.stream().map(row -> (UUID) row[0]).toList());
        return page(rows, limit, "s1", row -> ((Number) row[13]).intValue(), row -> new StandingMember((UUID) row[0],
                names.get((UUID) row[0]), (UUID) row[1], ((Number) row[2]).intValue(),
                new StandardsMeasures(new SignedMoney(((Number) row[3]).longValue(), currency),
                        ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).intValue(),
                        (BigDecimal) row[7]),
                new StandardsScores(((Number) row[8]).intValue(), ((Number) row[9]).intValue(),
                        ((Number) row[10]).intValue(), ((Number) row[11]).intValue(),
                        row[12] == null ? null : ((Number) row[12]).intValue(), ((Number) row[13]).intValue())));
    }

    /**
     * Members whose composite score so far this member year is at least `minDrop` points below their previous year's
     * to the end of the same month of that year (the summary's months; members in their first year have no previous
     * year). Largest drop first (ties by customer id), paginated by (drop, id).
     */
    public Page<FallingMember> falling(UUID clinicId, int minDrop, int limit, String cursor) {
        Position after = Position.decode("d1", cursor);
        Scoped scoped = scoped("SELECT customer_id, home_clinic_id, member_year, score, previous_score, drop,"
                + " through_month FROM (SELECT s.customer_id, s.home_clinic_id, s.member_year, s.score,"
                + " p.score AS previous_score, p.score - s.score AS drop, m.through_month"
                + " FROM standing s"
                + " CROSS JOIN LATERAL (SELECT member_month_of(s.year_starts_at, CAST(:now AS timestamptz), t.time_zone)"
                + " AS through_month FROM tenant t WHERE t.id = :tenant) m"
                + " LEFT JOIN member_standard_curve c ON c.tenant_id = :tenant AND c.customer_id = s.customer_id"
                + " AND c.member_year = s.member_year - 1"
                + " CROSS JOIN LATERAL member_standards_scored(:tenant, coalesce(c.spend[m.through_month], 0),"
                + " coalesce(c.items[m.through_month], 0), coalesce(c.visits[m.through_month], 0),"
                + " coalesce(c.referrals[m.through_month], 0), coalesce(c.surveys[m.through_month], 0),"
                + " coalesce(c.survey_points[m.through_month], 0)) p"
                + " WHERE s.member_year > 1) f"
                + " WHERE drop >= :minDrop"
                + (after == null ? "" : " AND (drop < :afterValue OR (drop = :afterValue AND customer_id > :afterId))")
                + " ORDER BY drop DESC, customer_id LIMIT :fetch", clinicId);
        bindAfter(scoped.query(), after).setParameter("fetch", limit + 1).setParameter("minDrop", minDrop);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scoped.query().getResultList();
        Map<UUID, String> names = customers.namesOf(rows.stream().map(row -> (UUID) row[0]).toList());
        return page(rows, limit, "d1", row -> ((Number) row[5]).intValue(), row -> new FallingMember((UUID) row[0],
                names.get((UUID) row[0]), (UUID) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).intValue()));
    }

    /**
     * `select` over `standing`: the members of the chain (or of one clinic) the caller may see, by home clinic, with
     * their year in progress now.
     */
    private Scoped scoped(String select, UUID clinicId) {
        clinics.requireClinic("clinicId", clinicId);
        OffsetDateTime now = Clocks.now(clock);
        Set<UUID> mine = caller.clinicFilter();
        String sql = "WITH standing AS (SELECT s.*, c.home_clinic_id FROM member_standing(:tenant, CAST(:now AS"
                + " timestamptz)) s JOIN customer c ON c.tenant_id = :tenant AND c.id = s.customer_id WHERE true"
                + (clinicId == null ? "" : " AND c.home_clinic_id = :clinic")
                + (mine == null ? "" : " AND c.home_clinic_id IN (:mine)") + ") " + select;
        Query query = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("now", now);
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        if (mine != null) {
            query.setParameter("mine", mine);
        }
        return new Scoped(query, now);
    }

    /** Where a page ended: the last row's ordering value and customer id, opaque to clients. */
    private record Position(int value, UUID customerId) {
        static Position decode(String kind, String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("/");
                if (parts.length == 3 && parts[0].equals(kind)) {
                    return new Position(Integer.parseInt(parts[1]), UUID.fromString(parts[2]));
                }
            } catch (IllegalArgumentException ignored) {
                // answered below
            }
            throw ProblemException.invalidField("cursor", "is not a cursor this list issued");
        }

        String encode(String kind) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((kind + "/" + value + "/" + customerId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Query bindAfter(Query query, Position after) {
        if (after != null) {
            query.setParameter("afterValue", after.value()).setParameter("afterId", after.customerId());
        }
        return query;
    }

    private static <D> Page<D> page(List<Object[]> rows, int limit, String kind,
                                    ToIntFunction<Object[]> value,
                                    Function<Object[], D> toDto) {
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        Object[] last = more ? shown.get(shown.size() - 1) : null;
        return new Page<>(shown.stream().map(toDto).toList(),
                last == null ? null : new Position(value.applyAsInt(last), (UUID) last[0]).encode(kind));
    }

    private static SignedMoney signedMoney(Object value, String currency) {
        return value == null ? null : new SignedMoney(((Number) value).longValue(), currency);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : ((BigDecimal) value).setScale(1, RoundingMode.HALF_UP);
    }
}
