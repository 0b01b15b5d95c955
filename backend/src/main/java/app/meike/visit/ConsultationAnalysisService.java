package app.meike.visit;

import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantService;
import app.meike.visit.Consultation.NonConversionReason;
import app.meike.visit.Consultation.Outcome;
import app.meike.visit.ConsultationDtos.AnalysisDimension;
import app.meike.visit.ConsultationDtos.ConversionAnalysis;
import app.meike.visit.ConsultationDtos.ConversionFigures;
import app.meike.visit.ConsultationDtos.ConversionGroup;
import app.meike.visit.ConsultationDtos.ReasonCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why visitors do and don't convert (上门未成交), by consultant, clinic, customer source or month: counted by the
 * database, per group, outcome and reason.
 */
@ApplicationScoped
public class ConsultationAnalysisService {
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    @Inject
    Caller caller;
    @Inject
    TenantService tenants;
    @Inject
    StaffService staff;
    @Inject
    ClinicService clinics;

    public ConversionAnalysis analyse(AnalysisDimension groupBy, OffsetDateTime from, OffsetDateTime to,
                                      UUID clinicId) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.invalidField("to", "the period may span at most 366 days");
        }
        String key = switch (groupBy) {
            case CONSULTANT -> "c.consultant_id::text";
            case CLINIC -> "c.clinic_id::text";
            case SOURCE -> "cu.source";
            case MONTH -> "to_char(c.consulted_at AT TIME ZONE :zone, 'YYYY-MM')";
        };
        // Reporting reads the customer's current source; the customer feature's table is only read here.
        String sql = "SELECT " + key + ", c.outcome, c.reason, count(*) FROM consultation c"
                + (groupBy == AnalysisDimension.SOURCE
                ? " JOIN customer cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id" : "")
                + " WHERE c.tenant_id = :tenant AND c.consulted_at >= :from AND c.consulted_at < :to"
                + (caller.clinicFilter() == null ? "" : " AND c.clinic_id IN (:mine)")
                + (clinicId == null ? "" : " AND c.clinic_id = :clinic")
                + " GROUP BY 1, 2, 3";
        Query query = Consultation.getEntityManager().createNativeQuery(sql)
                .setParameter("tenant", caller.tenantId())
                .setParameter("from", from)
                .setParameter("to", to);
        if (groupBy == AnalysisDimension.MONTH) {
            query.setParameter("zone", tenants.timeZoneOf(caller.tenantId()));
        }
        if (caller.clinicFilter() != null) {
            query.setParameter("mine", caller.clinicFilter());
        }
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        Tally total = new Tally();
        Map<String, Tally> byKey = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            Outcome outcome = Outcome.valueOf((String) cells[1]);
            NonConversionReason reason = cells[2] == null ? null : NonConversionReason.valueOf((String) cells[2]);
            long count = ((Number) cells[3]).longValue();
            total.add(outcome, reason, count);
            byKey.computeIfAbsent((String) cells[0], k -> new Tally()).add(outcome, reason, count);
        }
        Function<String, String> label = labels(groupBy, byKey.keySet());
        Comparator<ConversionGroup> order = groupBy == AnalysisDimension.MONTH
                ? Comparator.comparing(ConversionGroup::key)
                : Comparator.comparing((ConversionGroup g) -> g.figures().consultations()).reversed()
                .thenComparing(ConversionGroup::key);
        List<ConversionGroup> groups = byKey.entrySet().stream()
                .map(e -> new ConversionGroup(e.getKey(), label.apply(e.getKey()), e.getValue().figures()))
                .sorted(order)
                .toList();
        return new ConversionAnalysis(from, to, groupBy, total.figures(), groups);
    }

    private Function<String, String> labels(AnalysisDimension groupBy, Set<String> keys) {
        return switch (groupBy) {
            case CONSULTANT -> named(staff.displayNames(ids(keys)));
            case CLINIC -> named(clinics.names(ids(keys)));
            case SOURCE, MONTH -> Function.identity();
        };
    }

    private static Function<String, String> named(Map<UUID, String> names) {
        return key -> names.get(UUID.fromString(key));
    }

    private static Set<UUID> ids(Set<String> keys) {
        return keys.stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    private static final class Tally {
        private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        private final Map<NonConversionReason, Long> byReason = new EnumMap<>(NonConversionReason.class);

        void add(Outcome outcome, NonConversionReason reason, long count) {
            byOutcome.merge(outcome, count, Long::sum);
            if (reason != null) {
                byReason.merge(reason, count, Long::sum);
            }
        }

        ConversionFigures figures() {
            long converted = byOutcome.getOrDefault(Outcome.CONVERTED, 0L);
            long notConverted = byOutcome.getOrDefault(Outcome.NOT_CONVERTED, 0L);
            long pending = byOutcome.getOrDefault(Outcome.PENDING, 0L);
            Double rate = converted + notConverted == 0 ? null : (double) converted / (converted + notConverted);
            List<ReasonCount> reasons = new ArrayList<>();
            byReason.forEach((reason, count) -> reasons.add(new ReasonCount(reason, count)));
            reasons.sort(Comparator.comparing(ReasonCount::count).reversed());
            return new ConversionFigures(converted + notConverted + pending, converted, notConverted, pending, rate,
                    reasons);
        }
    }
}
