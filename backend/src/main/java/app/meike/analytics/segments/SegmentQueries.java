package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentFilters;
import app.meike.analytics.segments.SegmentRulesService.Rules;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ChainSettingsService;
import app.meike.tenancy.ClinicService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Segment membership as SQL, computed when asked: the chain's live customers (not merged, not erased) within the
 * caller's clinics (by home clinic), each with her standing in the member year holding `at` (helper function
 * member_standing) and the tier she holds then. Nothing is stored per member.
 */
@ApplicationScoped
class SegmentQueries {
    /** The tier she holds at :at: an override until it ends, else the computed one (as TierRules.effective). */
    private static final String TIER = "CASE WHEN m.override_tier_id IS NOT NULL AND m.override_until > :at"
            + " THEN m.override_tier_id ELSE m.tier_id END";
    private static final String FROM = " FROM customer c"
            + " LEFT JOIN member_standing(:tenant, :at) s ON s.customer_id = c.id"
            + " LEFT JOIN customer_membership m ON m.tenant_id = c.tenant_id AND m.customer_id = c.id"
            + " LEFT JOIN membership_tier t ON t.tenant_id = c.tenant_id AND t.id = " + TIER
            + " WHERE c.tenant_id = :tenant AND c.merged_into IS NULL AND c.erased_at IS NULL AND ";
    /** Never-purchased customers (no standing) sort after every score. */
    private static final String SORT_SCORE = "coalesce(s.score, -1)";

    @Inject
    Caller caller;
    @Inject
    SegmentRulesService rules;
    @Inject
    ChainSettingsService settings;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;

    /** One member's row as the database answers it. */
    record MemberRow(UUID id, String name, String phone, UUID tierId, String tierName, Integer memberYear,
                     Long spend, Integer visits, Integer items, Integer score, OffsetDateTime lastVisitAt,
                     UUID homeClinicId, UUID ownerStaffId) {
        int sortScore() {
            return score == null ? -1 : score;
        }
    }

    /** Where a page starts: after this (score, id). */
    record Position(int score, UUID id) {
    }

    /** The conditions of a segment (a built-in or filters) for the caller, optionally narrowed to a home clinic. */
    Filter where(BuiltInSegment builtIn, SegmentFilters filters, UUID clinicId, OffsetDateTime at) {
        Filter filter = scope(clinicId);
        if (builtIn != null) {
            and(filter, builtIn, rules.inForce(), at, settings.churnWindow());
        }
        if (filters != null) {
            filtered(filter, filters, at);
        }
        return filter;
    }

    long count(Filter filter, OffsetDateTime at) {
        return ((Number) query("SELECT count(*)" + FROM + filter.where(), filter, at).getSingleResult()).longValue();
    }

    /** Every built-in segment's count in one pass over the customers. */
    Map<BuiltInSegment, Long> countBuiltIns(UUID clinicId, OffsetDateTime at) {
        Filter filter = scope(clinicId);
        Rules inForce = rules.inForce();
        Duration churnWindow = settings.churnWindow();
        List<String> counts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (BuiltInSegment segment : BuiltInSegment.values()) {
            counts.add("count(*) FILTER (WHERE " + segment.condition() + ")");
            params.putAll(segment.parameters(inForce, at, churnWindow));
        }
        filter.and("true", params);
        Object[] row = (Object[]) query("SELECT " + String.join(", ", counts) + FROM + filter.where(), filter, at)
                .getSingleResult();
        Map<BuiltInSegment, Long> byBuiltIn = new EnumMap<>(BuiltInSegment.class);
        for (BuiltInSegment segment : BuiltInSegment.values()) {
            byBuiltIn.put(segment, ((Number) row[segment.ordinal()]).longValue());
        }
        return byBuiltIn;
    }

    /** A page of members, best score first, then by id: stable while the data stays as it is. */
    List<MemberRow> page(Filter filter, OffsetDateTime at, Position after, int fetch) {
        if (after != null) {
            filter.and(SORT_SCORE + " < :afterScore OR (" + SORT_SCORE + " = :afterScore AND c.id > :afterId)",
                    Map.of("afterScore", after.score(), "afterId", after.id()));
        }
        List<?> rows = query("SELECT c.id, c.name, c.phone, t.id AS tier_id, t.name AS tier_name, s.member_year,"
                + " s.spend, s.visits, s.items, s.score, c.last_visit_at, c.home_clinic_id, c.owner_staff_id" + FROM
                + filter.where() + " ORDER BY " + SORT_SCORE + " DESC, c.id", filter, at)
                .setMaxResults(fetch).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new MemberRow((UUID) r[0], (String) r[1],
                (String) r[2], (UUID) r[3], (String) r[4], integer(r[5]), r[6] == null ? null
                : ((Number) r[6]).longValue(), integer(r[7]), integer(r[8]), integer(r[9]), time(r[10]),
                (UUID) r[11], (UUID) r[12])).toList();
    }

    /** The members' ids, at most `max` of them, for bulk actions. */
    List<UUID> ids(Filter filter, OffsetDateTime at, int max) {
        return query("SELECT c.id" + FROM + filter.where() + " ORDER BY c.id", filter, at).setMaxResults(max)
                .getResultList().stream().map(UUID.class::cast).toList();
    }

    /** 400 with every broken filter named, before anything is queried. */
    void validate(SegmentFilters f, String currency) {
        List<FieldError> errors = new ArrayList<>();
        if (f.scoreMin() != null && f.scoreMax() != null && f.scoreMin() > f.scoreMax()) {
            errors.add(new FieldError("filters.scoreMax", "must not be below scoreMin"));
        }
        if (f.itemsMin() != null && f.itemsMax() != null && f.itemsMin() > f.itemsMax()) {
            errors.add(new FieldError("filters.itemsMax", "must not be below itemsMin"));
        }
        if (f.lastVisitDaysAgoMin() != null && f.lastVisitDaysAgoMax() != null
                && f.lastVisitDaysAgoMin() > f.lastVisitDaysAgoMax()) {
            errors.add(new FieldError("filters.lastVisitDaysAgoMax", "must not be below lastVisitDaysAgoMin"));
        }
        boolean daysAgo = f.lastVisitDaysAgoMin() != null || f.lastVisitDaysAgoMax() != null;
        boolean range = f.lastVisitFrom() != null || f.lastVisitTo() != null;
        if (daysAgo && range) {
            errors.add(new FieldError("filters.lastVisitFrom", "give the last visit as days ago or as a range,"
                    + " not both"));
        }
        if (f.lastVisitFrom() != null && f.lastVisitTo() != null && !f.lastVisitTo().isAfter(f.lastVisitFrom())) {
            errors.add(new FieldError("filters.lastVisitTo", "must be after lastVisitFrom"));
        }
        if (f.spendMin() != null && !currency.equals(f.spendMin().currency())) {
            errors.add(new FieldError("filters.spendMin.currency", "must be the chain's currency, " + currency));
        }
        if (f.spendMax() != null && !currency.equals(f.spendMax().currency())) {
            errors.add(new FieldError("filters.spendMax.currency", "must be the chain's currency, " + currency));
        }
        if (f.spendMin() != null && f.spendMax() != null && f.spendMin().amount() > f.spendMax().amount()) {
            errors.add(new FieldError("filters.spendMax", "must not be below spendMin"));
        }
        if (f.tierIds() != null && !f.tierIds().isEmpty()) {
            List<?> found = Panache.getEntityManager().createNativeQuery("SELECT id FROM membership_tier"
                            + " WHERE tenant_id = :tenant AND id IN (:ids)", UUID.class)
                    .setParameter("tenant", caller.tenantId()).setParameter("ids", Set.copyOf(f.tierIds()))
                    .getResultList();
            Set<UUID> known = found.stream().map(UUID.class::cast).collect(Collectors.toSet());
            if (!known.containsAll(f.tierIds())) {
                errors.add(new FieldError("filters.tierIds", "names a tier this chain does not have"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        clinics.requireClinic("filters.clinicId", f.clinicId());
        staff.requireStaff("filters.ownerId", f.ownerId());
    }

    private Filter scope(UUID clinicId) {
        Set<UUID> mine = caller.clinicFilter();
        Filter filter = new Filter().and("c.home_clinic_id = :clinic", "clinic", clinicId);
        return mine == null ? filter : filter.and("c.home_clinic_id IN (:mine)", "mine", mine);
    }

    private static void and(Filter filter, BuiltInSegment segment, Rules rules, OffsetDateTime at,
                            Duration churnWindow) {
        filter.and(segment.condition(), segment.parameters(rules, at, churnWindow));
    }

    private void filtered(Filter filter, SegmentFilters f, OffsetDateTime at) {
        if (f.builtIn() != null) {
            and(filter, f.builtIn(), rules.inForce(), at, settings.churnWindow());
        }
        if (f.tierIds() != null && !f.tierIds().isEmpty()) {
            filter.and(TIER + " IN (:tiers)", "tiers", Set.copyOf(f.tierIds()));
        }
        if (f.tags() != null && !f.tags().isEmpty()) {
            Set<String> tags = f.tags().stream().map(String::trim).collect(Collectors.toSet());
            filter.and("c.id IN (SELECT g.customer_id FROM customer_tag g WHERE g.tenant_id = c.tenant_id"
                    + " AND g.tag IN (:tags) GROUP BY g.customer_id HAVING count(*) = :tagCount)",
                    Map.of("tags", tags, "tagCount", (long) tags.size()));
        }
        filter.and("s.score >= :scoreMin", "scoreMin", f.scoreMin())
                .and("s.score <= :scoreMax", "scoreMax", f.scoreMax())
                .and("s.spend >= :spendMin", "spendMin", f.spendMin() == null ? null : f.spendMin().amount())
                .and("s.spend <= :spendMax", "spendMax", f.spendMax() == null ? null : f.spendMax().amount())
                .and("s.items >= :itemsMin", "itemsMin", f.itemsMin())
                .and("s.items <= :itemsMax", "itemsMax", f.itemsMax())
                .and("c.last_visit_at <= :visitedBefore", "visitedBefore",
                        f.lastVisitDaysAgoMin() == null ? null : at.minusDays(f.lastVisitDaysAgoMin()))
                .and("c.last_visit_at >= :visitedSince", "visitedSince",
                        f.lastVisitDaysAgoMax() == null ? null : at.minusDays(f.lastVisitDaysAgoMax()))
                .and("c.last_visit_at >= :visitFrom", "visitFrom", f.lastVisitFrom())
                .and("c.last_visit_at < :visitTo", "visitTo", f.lastVisitTo())
                .and("c.home_clinic_id = :homeClinic", "homeClinic", f.clinicId())
                .and("c.owner_staff_id = :owner", "owner", f.ownerId());
    }

    private Query query(String sql, Filter filter, OffsetDateTime at) {
        Query query = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("tenant", caller.tenantId())
                .setParameter("at", at);
        filter.params().map().forEach(query::setParameter);
        return query;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /** A timestamptz of a native query, whichever Java type the driver chose. */
    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return value == null ? null : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }
}
