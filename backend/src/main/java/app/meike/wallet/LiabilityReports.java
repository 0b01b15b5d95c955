package app.meike.wallet;

import app.meike.common.Clocks;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the liability reports (stored value, session packs) have in common: a tenant's ledgers summed up to a time
 * that is never in the future, at the selling clinics the caller works in, aged by purchase date.
 */
@ApplicationScoped
public class LiabilityReports {
    /** How long before `asOf` the value was bought. */
    public enum AgingBucket { DAYS_0_90, DAYS_91_180, DAYS_181_365, OVER_365 }

    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    ClinicService clinics;
    @Inject
    Clock clock;

    /** The rows of a report query, as of when and in which currency. */
    public record Rows(OffsetDateTime asOf, String currency, List<Object[]> rows) {
    }

    /**
     * SQL: the {@link AgingBucket} ordinal of a purchase time `column` as of `:asOf`.
     */
    static String agingBucket(String column) {
        return """
                CASE WHEN %1$s > cast(:asOf AS timestamptz) - interval '91 days' THEN 0
                     WHEN %1$s > cast(:asOf AS timestamptz) - interval '181 days' THEN 1
                     WHEN %1$s > cast(:asOf AS timestamptz) - interval '366 days' THEN 2
                     ELSE 3 END""".formatted(column);
    }

    /**
     * Runs `sql` (parameters `:tenant` and `:asOf`; its `%s` becomes the condition on the selling clinic `column`)
     * as of `asOf` (now when null), for one clinic or the caller's.
     */
    Rows query(String sql, String column, UUID clinicId, OffsetDateTime asOf) {
        clinics.requireClinic("clinicId", clinicId);
        OffsetDateTime now = Clocks.now(clock);
        if (asOf != null && asOf.isAfter(now)) {
            throw ProblemException.invalidField("asOf", "must not be after now");
        }
        OffsetDateTime at = asOf == null ? now : asOf;
        Set<UUID> mine = caller.clinicFilter();
        String where = "true" + (clinicId == null ? "" : " AND " + column + " = :clinic")
                + (mine == null ? "" : " AND " + column + " IN (:mine)");
        var query = Panache.getEntityManager().createNativeQuery(sql.formatted(where))
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("asOf", at);
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        if (mine != null) {
            query.setParameter("mine", mine);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return new Rows(at, tenants.currencyOf(caller.tenantId()), rows);
    }

    Map<UUID, String> clinicNames(Collection<UUID> ids) {
        return clinics.names(ids);
    }
}
