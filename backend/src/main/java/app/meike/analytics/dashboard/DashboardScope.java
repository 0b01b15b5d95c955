package app.meike.analytics.dashboard;

import app.meike.analytics.dashboard.DashboardDtos.DashboardPeriod;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What every dashboard panel shares: a checked period, its previous period of equal length, the clinic where things
 * happened (one, or all the caller works in), and native SQL run for either period under that scope.
 */
@ApplicationScoped
public class DashboardScope {
    /** About three years: longer periods are a data export, not a dashboard. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(1100);

    @Inject
    Caller caller;
    @Inject
    TenantService tenants;
    @Inject
    ClinicService clinics;

    /** A dashboard request: the period, the previous one, and the clinic filter (null: all the caller's clinics). */
    public record Scope(UUID tenant, String zone, String currency, DashboardPeriod period, DashboardPeriod previous,
                        UUID clinicId, Set<UUID> mine) {
    }

    public Scope of(OffsetDateTime from, OffsetDateTime to, UUID clinicId) {
        if (from == null) {
            throw ProblemException.invalidField("from", "is required");
        }
        if (to == null) {
            throw ProblemException.invalidField("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.invalidField("to", "the period may span at most " + LONGEST_PERIOD.toDays()
                    + " days");
        }
        if (clinicId != null) {
            // Another chain's clinic and no clinic at all look the same from here: not found, without a leak.
            if (clinics.names(Set.of(clinicId)).isEmpty()) {
                throw ProblemException.notFound("Clinic");
            }
            if (!caller.mayWorkIn(clinicId)) {
                throw ProblemException.forbidden("You do not work at this clinic");
            }
        }
        UUID tenant = caller.tenantId();
        Duration length = Duration.between(from, to);
        return new Scope(tenant, tenants.timeZoneOf(tenant), tenants.currencyOf(tenant),
                new DashboardPeriod(from, to), new DashboardPeriod(from.minus(length), from), clinicId,
                caller.clinicFilter());
    }

    /**
     * Runs `sql` for `period` (parameters `:tenant`, `:from`, `:to`, `:zone` where used; each `%1$s` becomes the
     * scope's condition on the clinic `column`, starting with AND).
     */
    List<Object[]> rows(Scope scope, DashboardPeriod period, String sql, String column) {
        String where = (scope.clinicId() == null ? "" : " AND " + column + " = :clinic")
                + (scope.mine() == null ? "" : " AND " + column + " IN (:mine)");
        String text = sql.formatted(where);
        Query query = Panache.getEntityManager().createNativeQuery(text)
                .setParameter("tenant", scope.tenant());
        bind(query, text, "from", period.from());
        bind(query, text, "to", period.to());
        bind(query, text, "zone", scope.zone());
        bind(query, text, "clinic", scope.clinicId());
        bind(query, text, "mine", scope.mine());
        // A query of one column answers its values bare.
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> r instanceof Object[] cells ? cells : new Object[] {r}).toList();
    }

    private static void bind(Query query, String sql, String name, Object value) {
        if (value != null && sql.contains(":" + name)) {
            query.setParameter(name, value);
        }
    }
}
