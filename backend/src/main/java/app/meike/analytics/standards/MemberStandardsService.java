package app.meike.analytics.standards;

import app.meike.analytics.standards.StandardsDtos.MemberStandardsView;
import app.meike.analytics.standards.StandardsDtos.MemberYear;
import app.meike.analytics.standards.StandardsDtos.MemberYearScore;
import app.meike.analytics.standards.StandardsDtos.SamePoint;
import app.meike.analytics.standards.StandardsDtos.StandardsMeasures;
import app.meike.analytics.standards.StandardsDtos.StandardsMonth;
import app.meike.analytics.standards.StandardsDtos.StandardsScores;
import app.meike.analytics.standards.StandardsDtos.StandardsTrend;
import app.meike.common.Clocks;
import app.meike.common.MemberYearMonths;
import app.meike.common.Money;
import app.meike.common.SignedMoney;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerDtos.CustomerView;
import app.meike.customer.CustomerService;
import app.meike.engagement.plan.TreatmentPlanDtos.CurveMonth;
import app.meike.engagement.plan.TreatmentPlanDtos.TreatmentPlanView;
import app.meike.engagement.plan.TreatmentPlanService;
import app.meike.identity.Caller;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One customer's five gold standards per member year, read from the event-maintained summary
 * (member_standard_year, member_standard_curve) and scored by the same SQL functions as member_standing, so her page
 * and the chain's reports agree. A clinic-limited caller sees only customers of their clinics (by home clinic); any
 * other customer answers 404 like another chain's.
 */
@ApplicationScoped
public class MemberStandardsService {
    /** Her member years so far with their totals, scored. */
    private static final String YEARS = "SELECT k.n, member_year_start(CAST(:first AS timestamptz), k.n, :zone),"
            + " member_year_start(CAST(:first AS timestamptz), k.n + 1, :zone),"
            + " coalesce(y.spend, 0), coalesce(y.items, 0), coalesce(y.visits, 0), coalesce(y.referrals, 0),"
            + " s.satisfaction, s.spend_score, s.items_score, s.visits_score, s.referrals_score, s.satisfaction_score,"
            + " s.score"
            + " FROM generate_series(1, member_year_of(CAST(:first AS timestamptz), CAST(:now AS timestamptz), :zone))"
            + " AS k (n)"
            + " LEFT JOIN member_standard_year y ON y.tenant_id = :tenant AND y.customer_id = :customer"
            + " AND y.member_year = k.n"
            + " CROSS JOIN LATERAL member_standards_scored(:tenant, coalesce(y.spend, 0), coalesce(y.items, 0),"
            + " coalesce(y.visits, 0), coalesce(y.referrals, 0), coalesce(y.surveys, 0), coalesce(y.survey_points, 0)) s"
            + " ORDER BY k.n";

    /** A year's curve: the cumulative measures at the end of each month, with the running satisfaction, scored. */
    private static final String CURVE = "SELECT m.k, m.spend, m.items, m.visits, m.referrals,"
            + " s.satisfaction, s.spend_score, s.items_score, s.visits_score, s.referrals_score, s.satisfaction_score,"
            + " s.score"
            + " FROM member_standard_curve c"
            + " CROSS JOIN LATERAL unnest(c.spend, c.items, c.visits, c.referrals, c.surveys, c.survey_points)"
            + " WITH ORDINALITY AS m (spend, items, visits, referrals, surveys, survey_points, k)"
            + " CROSS JOIN LATERAL member_standards_scored(:tenant, m.spend, m.items, m.visits, m.referrals, m.surveys,"
            + " m.survey_points) s"
            + " WHERE c.tenant_id = :tenant AND c.customer_id = :customer AND c.member_year = :year ORDER BY m.k";

    @Inject
    CustomerService customers;
    @Inject
    TreatmentPlanService plans;
    @Inject
    StandardsRulesService rules;
    @Inject
    TenantService tenants;
    @Inject
    TenantContext tenantContext;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** A year's figures: its measures and scores (for a whole year or to the end of one of its months). */
    record Figures(StandardsMeasures measures, StandardsScores scores) {
    }

    private record Year(int number, OffsetDateTime startsAt, OffsetDateTime endsAt, Figures figures) {
    }

    /**
     * Her member year `number` (null: the one in progress): 404 for a customer the caller may not see, 422 before
     * her first paid order, 400 for a year she has not reached.
     */
    public MemberStandardsView of(UUID customerId, Integer number) {
        CustomerView customer = visibleCustomer(customerId);
        if (customer.firstPurchaseAt() == null) {
            throw ProblemException.unprocessable("She has not paid for anything yet: her member year starts with her"
                    + " first paid order");
        }
        OffsetDateTime now = Clocks.now(clock);
        ZoneId zone = ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
        String currency = tenants.currencyOf(tenantContext.tenantId());
        List<Year> years = years(customerId, customer.firstPurchaseAt(), now, zone, currency);
        int current = years.size();
        if (number != null && (number < 1 || number > current)) {
            throw ProblemException.invalidField("memberYear", "must be from 1 to " + current + ", her member year"
                    + " now");
        }
        Year year = years.get((number == null ? current : number) - 1);
        boolean inProgress = year.number() == current;
        Map<Integer, Figures> curve = curve(customerId, year.number(), currency);
        List<MemberYearMonths.Month> months = MemberYearMonths.of(year.startsAt(), zone);
        int monthNow = inProgress ? monthOf(year.startsAt(), now, zone) : MemberYearMonths.MONTHS;
        List<CurveMonth> planned = plannedCurve(customerId, year.number());
        List<StandardsMonth> monthly = new ArrayList<>(MemberYearMonths.MONTHS);
        for (MemberYearMonths.Month m : months) {
            boolean begun = m.month() <= monthNow;
            StandardsMeasures measures = begun ? curve.getOrDefault(m.month(), zero(currency)).measures() : null;
            Money plannedSpend = planned == null ? null : planned.get(m.month() - 1).plannedCumulative();
            monthly.add(new StandardsMonth(m.month(), m.from(), m.to(), begun ? measures.spend() : null, plannedSpend,
                    begun ? measures.items() : null, begun ? measures.visits() : null,
                    begun ? measures.referrals() : null, begun ? measures.satisfaction() : null));
        }
        StandardsTrend trend = null;
        if (year.number() > 1) {
            Year previous = years.get(year.number() - 2);
            SamePoint samePoint = null;
            if (inProgress) {
                Figures then = curve(customerId, previous.number(), currency).getOrDefault(monthNow, zero(currency));
                samePoint = new SamePoint(monthNow, then.measures(), then.scores());
            }
            trend = new StandardsTrend(previous.number(), previous.figures().measures(), previous.figures().scores(),
                    samePoint);
        }
        StandardsRulesService.Rules inForce = rules.inForce();
        return new MemberStandardsView(customerId,
                new MemberYear(year.number(), year.startsAt(), year.endsAt(), inProgress), now,
                rules.targets(inForce), StandardsRulesService.weights(inForce), year.figures().measures(),
                year.figures().scores(), monthly, trend,
                years.stream().map(y -> new MemberYearScore(y.number(), y.startsAt(), y.endsAt(),
                        y.figures().scores().composite())).toList());
    }

    private CustomerView visibleCustomer(UUID customerId) {
        CustomerView customer = customers.get(customerId);
        if (customer.mergedInto() != null || caller.clinicFilter() != null
                && (customer.homeClinicId() == null || !caller.clinicIds().contains(customer.homeClinicId()))) {
            throw ProblemException.notFound("Customer");
        }
        return customer;
    }

    private List<Year> years(UUID customerId, OffsetDateTime first, OffsetDateTime now, ZoneId zone,
                             String currency) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(YEARS)
                .setParameter("first", first)
                .setParameter("now", now)
                .setParameter("zone", zone.getId())
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .getResultList();
        return rows.stream().map(r -> new Year(((Number) r[0]).intValue(), time(r[1]), time(r[2]),
                figures(r, 3, currency))).toList();
    }

    private Map<Integer, Figures> curve(UUID customerId, int year, String currency) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(CURVE)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .setParameter("year", year)
                .getResultList();
        Map<Integer, Figures> byMonth = new HashMap<>();
        rows.forEach(r -> byMonth.put(((Number) r[0]).intValue(), figures(r, 1, currency)));
        return byMonth;
    }

    /** The month of the year (1-12) holding `at`, as the summary placed her facts. */
    private int monthOf(OffsetDateTime yearStart, OffsetDateTime at, ZoneId zone) {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT member_month_of(CAST(:start AS timestamptz), CAST(:at AS timestamptz), :zone)")
                .setParameter("start", yearStart)
                .setParameter("at", at)
                .setParameter("zone", zone.getId())
                .getSingleResult()).intValue();
    }

    /** Her annual plan's curve for the year, or null when she has no plan for it. */
    private List<CurveMonth> plannedCurve(UUID customerId, int year) {
        TreatmentPlanView plan = plans.get(customerId, year);
        return plan.version() == 0 ? null : plan.curve();
    }

    /** Columns from `at`: spend, items, visits, referrals, satisfaction, the five scores, the composite. */
    private static Figures figures(Object[] r, int at, String currency) {
        return new Figures(new StandardsMeasures(new SignedMoney(((Number) r[at]).longValue(), currency),
                ((Number) r[at + 1]).intValue(), ((Number) r[at + 2]).intValue(), ((Number) r[at + 3]).intValue(),
                (BigDecimal) r[at + 4]),
                new StandardsScores(((Number) r[at + 5]).intValue(), ((Number) r[at + 6]).intValue(),
                        ((Number) r[at + 7]).intValue(), ((Number) r[at + 8]).intValue(),
                        r[at + 9] == null ? null : ((Number) r[at + 9]).intValue(), ((Number) r[at + 10]).intValue()));
    }

    private Figures zero(String currency) {
        Object[] r = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT 0, 0, 0, 0, s.* FROM member_standards_scored(:tenant, 0, 0, 0, 0, 0, 0) s")
                .setParameter("tenant", tenantContext.tenantId())
                .getSingleResult();
        return figures(r, 0, currency);
    }

    /** A timestamptz of a native query, whichever Java type the driver chose. */
    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }
}
