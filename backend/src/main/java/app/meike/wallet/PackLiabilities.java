package app.meike.wallet;

import app.meike.common.Money;
import app.meike.wallet.LiabilityReports.AgingBucket;
import app.meike.wallet.SessionPackDtos.SessionPackAging;
import app.meike.wallet.SessionPackDtos.SessionPackLiabilities;
import app.meike.wallet.SessionPackDtos.SessionPackLiability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outstanding sessions and their value (deferred revenue), from the ledger as of a time: an item's sessions and
 * value then are the sums of its entries up to that time, so refunds, redemptions and reversals count when they
 * happened. Grouped by the clinic that sold the pack, and aged by purchase date.
 */
@ApplicationScoped
public class PackLiabilities {
    private static final String BY_CLINIC_AND_AGE = """
            SELECT p.sold_at_clinic_id, %s AS bucket, count(*), sum(x.sessions), sum(x.value)
            FROM (SELECT m.pack_id, sum(m.sessions) AS sessions, sum(m.value) AS value
                  FROM session_pack_entry_item m
                  JOIN session_pack_entry e ON e.tenant_id = m.tenant_id AND e.id = m.entry_id
                  WHERE m.tenant_id = :tenant AND e.occurred_at <= :asOf
                  GROUP BY m.pack_id
                  HAVING sum(m.sessions) > 0) x
            JOIN session_pack p ON p.tenant_id = :tenant AND p.id = x.pack_id
            WHERE %%s
            GROUP BY 1, 2""".formatted(LiabilityReports.agingBucket("p.purchased_at"));

    @Inject
    LiabilityReports reports;

    /** As of `asOf` (now when null; never after now), at the clinics the caller works in. */
    public SessionPackLiabilities of(UUID clinicId, OffsetDateTime asOf) {
        LiabilityReports.Rows result = reports.query(BY_CLINIC_AND_AGE, "p.sold_at_clinic_id", clinicId, asOf);
        String currency = result.currency();
        Map<UUID, Figures[]> byClinic = new LinkedHashMap<>();
        Figures[] total = Figures.buckets();
        for (Object[] row : result.rows()) {
            int bucket = ((Number) row[1]).intValue();
            Figures figures = new Figures(((Number) row[2]).intValue(), ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue());
            byClinic.computeIfAbsent((UUID) row[0], c -> Figures.buckets())[bucket] = figures;
            total[bucket] = total[bucket].plus(figures);
        }
        Map<UUID, String> names = reports.clinicNames(byClinic.keySet());
        List<SessionPackLiability> perClinic = new ArrayList<>();
        byClinic.forEach((clinic, figures) -> perClinic.add(liability(clinic, names.get(clinic), figures, currency)));
        perClinic.sort(Comparator.comparing(SessionPackLiability::clinicName));
        return new SessionPackLiabilities(result.asOf(), currency, perClinic, liability(null, null, total, currency));
    }

    private static SessionPackLiability liability(UUID clinicId, String clinicName, Figures[] buckets,
                                                  String currency) {
        Figures sum = Figures.NONE;
        List<SessionPackAging> aging = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            sum = sum.plus(buckets[i]);
            aging.add(new SessionPackAging(AgingBucket.values()[i], buckets[i].packs(),
                    buckets[i].sessions(), new Money(buckets[i].value(), currency)));
        }
        return new SessionPackLiability(clinicId, clinicName, sum.packs(), sum.sessions(),
                new Money(sum.value(), currency), aging);
    }

    private record Figures(int packs, long sessions, long value) {
        static final Figures NONE = new Figures(0, 0, 0);

        static Figures[] buckets() {
            Figures[] buckets = new Figures[AgingBucket.values().length];
            Arrays.fill(buckets, NONE);
            return buckets;
        }

        Figures plus(Figures other) {
            return new Figures(packs + other.packs, sessions + other.sessions, value + other.value);
        }
    }
}
