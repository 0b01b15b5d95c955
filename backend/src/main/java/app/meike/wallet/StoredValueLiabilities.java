package app.meike.wallet;

import app.meike.common.Money;
import app.meike.wallet.LiabilityReports.AgingBucket;
import app.meike.wallet.StoredValueDtos.StoredValueAging;
import app.meike.wallet.StoredValueDtos.StoredValueLiabilitiesView;
import app.meike.wallet.StoredValueDtos.StoredValueLiability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Outstanding stored value (deferred revenue: the principal; the bonus is owed as service, not money) as of a time,
 * from the ledger: a lot's balance then is the sum of its allocations up to that time, and its expired value what
 * expiries took and reactivations have not given back. Grouped by the clinic that sold the lot, aged by top-up date.
 */
@ApplicationScoped
public class StoredValueLiabilities {
    // Every grouping at once, so an account holding lots of two clinics or ages is counted once in each total.
    private static final String BY_CLINIC_AND_AGE = """
            SELECT y.clinic_id, y.bucket, GROUPING(y.clinic_id), GROUPING(y.bucket),
                   count(DISTINCT y.account_id) FILTER (WHERE y.principal + y.bonus > 0),
                   coalesce(sum(y.principal), 0), coalesce(sum(y.bonus), 0),
                   count(DISTINCT y.account_id) FILTER (WHERE y.expired_principal + y.expired_bonus > 0),
                   coalesce(sum(y.expired_principal), 0), coalesce(sum(y.expired_bonus), 0)
            FROM (SELECT l.sold_at_clinic_id AS clinic_id, l.account_id, %s AS bucket,
                         x.principal, x.bonus, x.expired_principal, x.expired_bonus
                  FROM (SELECT a.lot_id, sum(a.principal) AS principal, sum(a.bonus) AS bonus,
                               -coalesce(sum(a.principal) FILTER (WHERE e.kind IN ('EXPIRE', 'REACTIVATE')), 0)
                                 AS expired_principal,
                               -coalesce(sum(a.bonus) FILTER (WHERE e.kind IN ('EXPIRE', 'REACTIVATE')), 0)
                                 AS expired_bonus
                        FROM stored_value_allocation a
                        JOIN stored_value_entry e ON e.tenant_id = a.tenant_id AND e.id = a.entry_id
                        WHERE a.tenant_id = :tenant AND e.occurred_at <= :asOf
                        GROUP BY a.lot_id) x
                  JOIN stored_value_lot l ON l.tenant_id = :tenant AND l.id = x.lot_id
                  WHERE x.principal + x.bonus + x.expired_principal + x.expired_bonus > 0 AND %s) y
            GROUP BY GROUPING SETS ((y.clinic_id, y.bucket), (y.clinic_id), (y.bucket), ())"""
            .formatted(LiabilityReports.agingBucket("l.topped_up_at"), "%s");

    @Inject
    LiabilityReports reports;

    /** As of `asOf` (now when null; never after now), at the clinics the caller works in. */
    public StoredValueLiabilitiesView of(UUID clinicId, OffsetDateTime asOf) {
        LiabilityReports.Rows result = reports.query(BY_CLINIC_AND_AGE, "l.sold_at_clinic_id", clinicId, asOf);
        String currency = result.currency();
        Map<UUID, Grouped> byClinic = new LinkedHashMap<>();
        Grouped total = new Grouped();
        for (Object[] row : result.rows()) {
            boolean allClinics = ((Number) row[2]).intValue() == 1;
            Grouped grouped = allClinics ? total : byClinic.computeIfAbsent((UUID) row[0], c -> new Grouped());
            Figures figures = new Figures(((Number) row[4]).intValue(), ((Number) row[5]).longValue(),
                    ((Number) row[6]).longValue(), ((Number) row[7]).intValue(), ((Number) row[8]).longValue(),
                    ((Number) row[9]).longValue());
            if (((Number) row[3]).intValue() == 1) {
                grouped.all = figures;
            } else {
                grouped.aging.put(AgingBucket.values()[((Number) row[1]).intValue()], figures);
            }
        }
        Map<UUID, String> names = reports.clinicNames(byClinic.keySet().stream().filter(Objects::nonNull).toList());
        List<StoredValueLiability> perClinic = new ArrayList<>();
        byClinic.forEach((clinic, grouped) -> perClinic.add(grouped.view(clinic, names.get(clinic), currency)));
        perClinic.sort(Comparator.comparing(StoredValueLiability::clinicName,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new StoredValueLiabilitiesView(result.asOf(), currency, perClinic, total.view(null, null, currency));
    }

    private record Figures(int accounts, long principal, long bonus, int expiredAccounts, long expiredPrincipal,
                           long expiredBonus) {
        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);
    }

    /** One clinic's (or the chain's) figures, in all and by age. */
    private static final class Grouped {
        Figures all = Figures.NONE;
        final Map<AgingBucket, Figures> aging = new LinkedHashMap<>();

        StoredValueLiability view(UUID clinicId, String clinicName, String currency) {
            List<StoredValueAging> ages = new ArrayList<>();
            for (AgingBucket bucket : AgingBucket.values()) {
                Figures f = aging.getOrDefault(bucket, Figures.NONE);
                ages.add(new StoredValueAging(bucket, f.accounts(), new Money(f.principal(), currency),
                        new Money(f.bonus(), currency)));
            }
            return new StoredValueLiability(clinicId, clinicName, all.accounts(), new Money(all.principal(), currency),
                    new Money(all.bonus(), currency), new Money(all.principal() + all.bonus(), currency),
                    all.expiredAccounts(), new Money(all.expiredPrincipal(), currency),
                    new Money(all.expiredBonus(), currency), ages);
        }
    }
}
