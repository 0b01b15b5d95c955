package app.meike.engagement.satisfaction;

import app.meike.catalog.CatalogService;
import app.meike.catalog.CatalogService.ItemRef;
import app.meike.common.Clocks;
import app.meike.common.problem.ProblemException;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionSummary;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionSummaryRow;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Averages of the answered surveys of a period (by answer time) per clinic, consultant, treated item or month of the
 * chain's calendar, computed in SQL: mean result and experience, and the NPS as % promoters (9–10) − % detractors
 * (0–6). A survey about two items counts for each.
 */
@ApplicationScoped
public class SatisfactionSummaryService {
    /** Without `from`, the summary covers the year before `to`. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

    public enum By { CLINIC, CONSULTANT, ITEM, MONTH }

    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    CatalogService catalog;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    public SatisfactionSummary summary(By by, OffsetDateTime from, OffsetDateTime to, UUID clinicId) {
        OffsetDateTime until = to != null ? to : Clocks.now(clock);
        OffsetDateTime since = from != null ? from : until.minus(DEFAULT_PERIOD);
        if (!since.isBefore(until)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        clinics.requireClinic("clinicId", clinicId);
        if (clinicId != null && !caller.mayWorkIn(clinicId)) {
            throw ProblemException.invalidField("clinicId", "is not one of your clinics");
        }
        String key = switch (by) {
            case CLINIC -> "s.clinic_id::text";
            case CONSULTANT -> "s.consultant_id::text";
            case ITEM -> "si.item_id::text";
            case MONTH -> "to_char(s.submitted_at AT TIME ZONE :zone, 'YYYY-MM')";
        };
        Set<UUID> mine = caller.clinicFilter();
        String sql = "SELECT " + key + " AS k, count(*), round(avg(s.result_score), 2), round(avg(s.experience_score), 2),"
                + " count(*) FILTER (WHERE s.nps >= 9), count(*) FILTER (WHERE s.nps <= 6)"
                + " FROM survey s" + (by == By.ITEM ? " JOIN survey_item si ON si.tenant_id = s.tenant_id"
                + " AND si.survey_id = s.id" : "")
                + " WHERE s.tenant_id = :tenant AND s.status = 'SUBMITTED' AND s.submitted_at >= :from"
                + " AND s.submitted_at < :to" + (mine != null ? " AND s.clinic_id IN (:mine)" : "")
                + (clinicId != null ? " AND s.clinic_id = :clinic" : "")
                + " GROUP BY k ORDER BY k NULLS LAST";
        Query query = entityManager.createNativeQuery(sql)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("from", since)
                .setParameter("to", until);
        if (by == By.MONTH) {
            query.setParameter("zone", tenants.timeZoneOf(tenantContext.tenantId()));
        }
        if (mine != null) {
            query.setParameter("mine", mine);
        }
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, String> names = by == By.MONTH ? Map.of() : names(by, rows.stream().map(r -> (String) r[0])
                .filter(Objects::nonNull).map(UUID::fromString).toList());
        List<SatisfactionSummaryRow> result = rows.stream().map(r -> {
            String k = (String) r[0];
            int count = ((Number) r[1]).intValue();
            int promoters = ((Number) r[4]).intValue();
            int detractors = ((Number) r[5]).intValue();
            double nps = Math.round((promoters - detractors) * 1000.0 / count) / 10.0;
            String name = by == By.MONTH || k == null ? k : names.get(UUID.fromString(k));
            return new SatisfactionSummaryRow(k, name, count, ((Number) r[2]).doubleValue(),
                    ((Number) r[3]).doubleValue(), nps, promoters, detractors);
        }).toList();
        return new SatisfactionSummary(by.name(), since, until, result);
    }

    private Map<UUID, String> names(By by, List<UUID> ids) {
        return switch (by) {
            case CLINIC -> clinics.names(ids);
            case CONSULTANT -> staff.displayNames(ids);
            case ITEM -> catalog.items(ids).values().stream()
                    .collect(Collectors.toMap(ItemRef::id, ItemRef::name));
            case MONTH -> throw new IllegalArgumentException("months have no names");
        };
    }
}
