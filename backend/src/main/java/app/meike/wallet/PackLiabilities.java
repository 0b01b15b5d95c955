package app.meike.wallet;

import app.meike.common.Clocks;
import app.meike.common.Money;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.wallet.SessionPackDtos.SessionPackAging;
import app.meike.wallet.SessionPackDtos.SessionPackAgingBucket;
import app.meike.wallet.SessionPackDtos.SessionPackLiabilities;
import app.meike.wallet.SessionPackDtos.SessionPackLiability;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Outstanding sessions and their value (deferred revenue), from the ledger as of a time: an item's sessions and
 * value then are the sums of its entries up to that time, so refunds, redemptions and reversals count when they
 * happened. Grouped by the clinic that sold the pack, and aged by purchase date.
 */
@ApplicationScoped
public class PackLiabilities {
    private static final String BY_CLINIC_AND_AGE = """
            SELECT p.sold_at_clinic_id,
                   CASE WHEN p.purchased_at > cast(:asOf AS timestamptz) - interval '91 days' THEN 0
                        WHEN p.purchased_at > cast(:asOf AS timestamptz) - interval '181 days' THEN 1
                        WHEN p.purchased_at > cast(:asOf AS timestamptz) - interval '366 days' THEN 2
                        ELSE 3 END AS bucket,
                   count(*), sum(x.sessions), sum(x.value)
            FROM (SELECT m.pack_id, sum(m.sessions) AS sessions, sum(m.value) AS value
                  FROM session_pack_entry_item m
                  JOIN session_pack_entry e ON e.tenant_id = m.tenant_id AND e.id = m.entry_id
                  WHERE m.tenant_id = :tenant AND e.occurred_at <= :asOf
                  GROUP BY m.pack_id
                  HAVING sum(m.sessions) > 0) x
            JOIN session_pack p ON p.tenant_id = :tenant AND p.id = x.pack_id
            WHERE %s
            GROUP BY 1, 2""";

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

    /** As of `asOf` (now when null; never after now), at the clinics the caller works in. */
    public SessionPackLiabilities of(UUID clinicId, OffsetDateTime asOf) {
        clinics.requireClinic("clinicId", clinicId);
        OffsetDateTime now = Clocks.now(clock);
        if (asOf != null && asOf.isAfter(now)) {
            throw ProblemException.invalidField("asOf", "must not be after now");
        }
        OffsetDateTime at = asOf == null ? now : asOf;
        Set<UUID> mine = caller.clinicFilter();
        String where = "true" + (clinicId == null ? "" : " AND p.sold_at_clinic_id = :clinic")
                + (mine == null ? "" : " AND p.sold_at_clinic_id IN (:mine)");
        var query = Panache.getEntityManager().createNativeQuery(BY_CLINIC_AND_AGE.formatted(where))
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
        String currency = tenants.currencyOf(caller.tenantId());
        Map<UUID, Figures[]> byClinic = new LinkedHashMap<>();
        Figures[] total = Figures.buckets();
        for (Object[] row : rows) {
            int bucket = ((Number) row[1]).intValue();
            Figures figures = new Figures(((Number) row[2]).intValue(), ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue());
            byClinic.computeIfAbsent((UUID) row[0], c -> Figures.buckets())[bucket] = figures;
            total[bucket] = total[bucket].plus(figures);
        }
        Map<UUID, String> names = clinics.names(byClinic.keySet());
        List<SessionPackLiability> perClinic = new ArrayList<>();
        byClinic.forEach((clinic, figures) -> perClinic.add(liability(clinic, names.get(clinic), figures, currency)));
        perClinic.sort(Comparator.comparing(SessionPackLiability::clinicName));
        return new SessionPackLiabilities(at, currency, perClinic, liability(null, null, total, currency));
    }

    private static SessionPackLiability liability(UUID clinicId, String clinicName, Figures[] buckets,
                                                  String currency) {
        Figures sum = Figures.NONE;
        List<SessionPackAging> aging = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            sum = sum.plus(buckets[i]);
            aging.add(new SessionPackAging(SessionPackAgingBucket.values()[i], buckets[i].packs(),
                    buckets[i].sessions(), new Money(buckets[i].value(), currency)));
        }
        return new SessionPackLiability(clinicId, clinicName, sum.packs(), sum.sessions(),
                new Money(sum.value(), currency), aging);
    }

    private record Figures(int packs, long sessions, long value) {
        static final Figures NONE = new Figures(0, 0, 0);

        static Figures[] buckets() {
            Figures[] buckets = new Figures[SessionPackAgingBucket.values().length];
            Arrays.fill(buckets, NONE);
            return buckets;
        }

        Figures plus(Figures other) {
            return new Figures(packs + other.packs, sessions + other.sessions, value + other.value);
        }
    }
}
