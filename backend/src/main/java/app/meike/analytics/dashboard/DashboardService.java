package app.meike.analytics.dashboard;

import app.meike.analytics.dashboard.DashboardDtos.ClinicRevenue;
import app.meike.analytics.dashboard.DashboardDtos.ConsultantFigures;
import app.meike.analytics.dashboard.DashboardDtos.ConsultantsPanel;
import app.meike.analytics.dashboard.DashboardDtos.ConsultationsPanel;
import app.meike.analytics.dashboard.DashboardDtos.CountComparison;
import app.meike.analytics.dashboard.DashboardDtos.CustomersPanel;
import app.meike.analytics.dashboard.DashboardDtos.DashboardPeriod;
import app.meike.analytics.dashboard.DashboardDtos.EngagementPanel;
import app.meike.analytics.dashboard.DashboardDtos.LiabilitiesPanel;
import app.meike.analytics.dashboard.DashboardDtos.MeasureComparison;
import app.meike.analytics.dashboard.DashboardDtos.MembershipPanel;
import app.meike.analytics.dashboard.DashboardDtos.MoneyComparison;
import app.meike.analytics.dashboard.DashboardDtos.RevenueInterval;
import app.meike.analytics.dashboard.DashboardDtos.RevenuePanel;
import app.meike.analytics.dashboard.DashboardDtos.RevenuePoint;
import app.meike.analytics.dashboard.DashboardDtos.TierCount;
import app.meike.analytics.dashboard.DashboardScope.Scope;
import app.meike.common.Clocks;
import app.meike.common.SignedMoney;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.visit.ConsultationAnalysisService;
import app.meike.visit.ConsultationDtos.AnalysisDimension;
import app.meike.visit.ConsultationDtos.ConversionAnalysis;
import app.meike.visit.ConsultationDtos.ConversionGroup;
import app.meike.wallet.PackLiabilities;
import app.meike.wallet.StoredValueLiabilities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain's and a clinic's dashboard, panel by panel, each figure summed by the database over an indexed time range
 * for the period and for the previous period of equal length. Things count at the clinic where they happened: an
 * order's clinic (for its refunds too), a stored-value debit's clinic, a visit's, a survey's, a complaint's; tiers
 * and points without an order belong to the customer's home clinic.
 */
@ApplicationScoped
public class DashboardService {
    /**
     * Qualifying spend entries (the tier ledger: external tenders and stored-value principal, less refunds and
     * reversals) of the period with the clinic, consultant and second development of the order they came from.
     */
    private static final String SPEND = """
            WITH spend AS (
              SELECT s.amount, s.source, s.spent_at,
                     coalesce(o.clinic_id, ro.clinic_id, e.clinic_id) AS clinic_id,
                     coalesce(o.consultant_id, ro.consultant_id) AS consultant_id,
                     coalesce(o.second_development, ro.second_development, false) AS second_development
              FROM qualifying_spend s
              LEFT JOIN sales_order o ON s.source = 'ORDER' AND o.tenant_id = s.tenant_id AND o.id = s.source_id
              LEFT JOIN order_refund r ON s.source = 'REFUND' AND r.tenant_id = s.tenant_id AND r.id = s.source_id
              LEFT JOIN sales_order ro ON ro.tenant_id = r.tenant_id AND ro.id = r.order_id
              LEFT JOIN stored_value_entry e ON s.source IN ('STORED_VALUE', 'STORED_VALUE_REVERSAL')
                   AND e.tenant_id = s.tenant_id AND e.id = s.source_id
              WHERE s.tenant_id = :tenant AND s.spent_at >= :from AND s.spent_at < :to),
            paid AS (
              SELECT o.clinic_id, o.consultant_id, o.customer_id, o.paid_at, o.second_development
              FROM sales_order o
              WHERE o.tenant_id = :tenant AND o.paid_at >= :from AND o.paid_at < :to)
            """;
    private static final String REVENUE = SPEND + """
            SELECT (SELECT coalesce(sum(amount), 0) FROM spend WHERE true%1$s),
                   (SELECT coalesce(sum(amount) FILTER (WHERE source = 'ORDER'), 0) FROM spend WHERE true%1$s),
                   (SELECT count(*) FROM paid WHERE true%1$s)""";
    private static final String REVENUE_BY_CLINIC = SPEND + """
            SELECT coalesce(s.clinic_id, p.clinic_id), coalesce(s.amount, 0), coalesce(p.orders, 0)
            FROM (SELECT clinic_id, sum(amount) AS amount FROM spend WHERE true%1$s GROUP BY 1) s
            FULL JOIN (SELECT clinic_id, count(*) AS orders FROM paid WHERE true%1$s GROUP BY 1) p
              ON p.clinic_id = s.clinic_id""";
    // Every day, week (from Monday) or month of the chain's calendar that the period touches, empty ones too.
    private static final String REVENUE_SERIES = SPEND + """
            SELECT cast(b.start AS date), coalesce(s.amount, 0), coalesce(p.orders, 0)
            FROM generate_series(date_trunc('UNIT', cast(:from AS timestamptz) AT TIME ZONE :zone),
                                 cast(:to AS timestamptz) AT TIME ZONE :zone - interval '1 microsecond',
                                 interval '1 UNIT') AS b (start)
            LEFT JOIN (SELECT date_trunc('UNIT', spent_at AT TIME ZONE :zone) AS start, sum(amount) AS amount
                       FROM spend WHERE true%1$s GROUP BY 1) s ON s.start = b.start
            LEFT JOIN (SELECT date_trunc('UNIT', paid_at AT TIME ZONE :zone) AS start, count(*) AS orders
                       FROM paid WHERE true%1$s GROUP BY 1) p ON p.start = b.start
            ORDER BY 1""";
    // New: her first purchase (chain-wide) falls in the period; returning: she had bought before it.
    private static final String CUSTOMERS = """
            SELECT count(*) FILTER (WHERE c.first_purchase_at >= :from),
                   count(*) FILTER (WHERE c.first_purchase_at < :from)
            FROM (SELECT DISTINCT o.customer_id FROM sales_order o
                  WHERE o.tenant_id = :tenant AND o.paid_at >= :from AND o.paid_at < :to%1$s) p
            JOIN customer c ON c.tenant_id = :tenant AND c.id = p.customer_id""";
    private static final String VISITS = """
            SELECT count(*), count(DISTINCT v.customer_id) FROM visit v
            WHERE v.tenant_id = :tenant AND v.checked_in_at >= :from AND v.checked_in_at < :to%1$s""";
    // Her tier at the end of the period is where her last tier change before it left her.
    private static final String TIERS_AT_END = """
            SELECT t.id, t.name, t.position, count(*)
            FROM (SELECT DISTINCT ON (tc.customer_id) tc.customer_id, tc.to_tier_id FROM tier_change tc
                  WHERE tc.tenant_id = :tenant AND tc.changed_at < :to
                  ORDER BY tc.customer_id, tc.changed_at DESC, tc.id DESC) h
            JOIN customer c ON c.tenant_id = :tenant AND c.id = h.customer_id
            JOIN membership_tier t ON t.tenant_id = :tenant AND t.id = h.to_tier_id
            WHERE true%1$s
            GROUP BY 1, 2, 3""";
    // Up and down by the tiers' order; a move from or to a retired tier (no position) is neither.
    private static final String TIER_MOVES = """
            SELECT count(*) FILTER (WHERE m.up), count(*) FILTER (WHERE NOT m.up)
            FROM (SELECT CASE WHEN tc.from_tier_id IS NULL THEN true WHEN tc.to_tier_id IS NULL THEN false
                              ELSE t.position > f.position END AS up
                  FROM tier_change tc
                  JOIN customer c ON c.tenant_id = tc.tenant_id AND c.id = tc.customer_id
                  LEFT JOIN membership_tier f ON f.tenant_id = tc.tenant_id AND f.id = tc.from_tier_id
                  LEFT JOIN membership_tier t ON t.tenant_id = tc.tenant_id AND t.id = tc.to_tier_id
                  WHERE tc.tenant_id = :tenant AND tc.changed_at >= :from AND tc.changed_at < :to
                    AND tc.from_tier_id IS DISTINCT FROM tc.to_tier_id%1$s) m""";
    private static final String POINTS = """
            SELECT coalesce(sum(p.points) FILTER (WHERE p.kind = 'EARN'), 0),
                   coalesce(-sum(p.points) FILTER (WHERE p.kind = 'REDEEM'), 0),
                   coalesce(-sum(p.points) FILTER (WHERE p.kind = 'EXPIRE'), 0)
            FROM points_entry p
            JOIN customer c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
            LEFT JOIN sales_order o ON o.tenant_id = p.tenant_id AND o.id = p.order_id
            WHERE p.tenant_id = :tenant AND p.occurred_at >= :from AND p.occurred_at < :to%1$s""";
    private static final String REFERRALS = """
            SELECT count(*) FROM referral r
            WHERE r.tenant_id = :tenant AND r.counted_at >= :from AND r.counted_at < :to%1$s""";
    private static final String SURVEYS = """
            SELECT count(*), round(avg(s.result_score), 2), round(avg(s.experience_score), 2),
                   count(*) FILTER (WHERE s.nps >= 9), count(*) FILTER (WHERE s.nps <= 6)
            FROM survey s
            WHERE s.tenant_id = :tenant AND s.status = 'SUBMITTED' AND s.submitted_at >= :from
              AND s.submitted_at < :to%1$s""";
    // Open at the end of the period: opened before it and neither resolved nor closed by then.
    private static final String COMPLAINTS = """
            SELECT count(*) FILTER (WHERE k.opened_at >= :from),
                   count(*) FILTER (WHERE k.settled_at IS NULL OR k.settled_at >= :to),
                   count(*) FILTER (WHERE (k.settled_at IS NULL OR k.settled_at >= :to) AND k.due_at < :to)
            FROM (SELECT k.opened_at, k.due_at, coalesce(k.resolved_at, k.closed_at) AS settled_at
                  FROM complaint k WHERE k.tenant_id = :tenant AND k.opened_at < :to%1$s) k""";
    private static final String CONSULTANT_SALES = SPEND + """
            SELECT consultant_id, sum(amount), coalesce(sum(amount) FILTER (WHERE second_development), 0)
            FROM spend WHERE consultant_id IS NOT NULL%1$s GROUP BY 1""";
    private static final String CONSULTANT_ORDERS = SPEND + """
            SELECT consultant_id, count(*) FILTER (WHERE second_development)
            FROM paid WHERE consultant_id IS NOT NULL%1$s GROUP BY 1""";
    // Tasks due on the chain's calendar days of the period (cancelled ones were never owed), done whenever.
    private static final String FOLLOW_UPS = """
            SELECT f.assignee_id, count(*), count(*) FILTER (WHERE f.status = 'DONE')
            FROM follow_up_task f
            WHERE f.tenant_id = :tenant AND f.status <> 'CANCELLED' AND f.assignee_id IS NOT NULL
              AND f.due_date >= cast(cast(:from AS timestamptz) AT TIME ZONE :zone AS date)
              AND f.due_date < cast(cast(:to AS timestamptz) AT TIME ZONE :zone AS date)%1$s
            GROUP BY 1""";

    @Inject
    DashboardScope scopes;
    @Inject
    ConsultationAnalysisService conversion;
    @Inject
    StoredValueLiabilities storedValue;
    @Inject
    PackLiabilities packs;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    Clock clock;

    public RevenuePanel revenue(Scope scope, RevenueInterval requested) {
        RevenueInterval interval = requested != null ? requested : intervalFor(scope.period());
        Object[] now = scopes.rows(scope, scope.period(), REVENUE, "clinic_id").get(0);
        Object[] before = scopes.rows(scope, scope.previous(), REVENUE, "clinic_id").get(0);
        long orders = number(now[2]);
        long ordersBefore = number(before[2]);
        Map<UUID, long[]> byClinic = new HashMap<>();
        collectByClinic(byClinic, scopes.rows(scope, scope.period(), REVENUE_BY_CLINIC, "clinic_id"), 0);
        collectByClinic(byClinic, scopes.rows(scope, scope.previous(), REVENUE_BY_CLINIC, "clinic_id"), 2);
        Map<UUID, String> names = clinics.names(byClinic.keySet().stream().filter(Objects::nonNull).toList());
        List<ClinicRevenue> clinicsRevenue = byClinic.entrySet().stream()
                .map(e -> new ClinicRevenue(e.getKey(), names.get(e.getKey()),
                        money(scope, e.getValue()[0], e.getValue()[2]), new CountComparison(e.getValue()[1],
                        e.getValue()[3])))
                .sorted(Comparator.comparing((ClinicRevenue c) -> c.revenue().current().amount()).reversed()
                        .thenComparing(ClinicRevenue::clinicName, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new RevenuePanel(scope.period(), scope.previous(), scope.clinicId(),
                money(scope, number(now[0]), number(before[0])), new CountComparison(orders, ordersBefore),
                money(scope, average(number(now[1]), orders), average(number(before[1]), ordersBefore)), interval,
                series(scope, scope.period(), interval), series(scope, scope.previous(), interval), clinicsRevenue);
    }

    public CustomersPanel customers(Scope scope) {
        Object[] now = scopes.rows(scope, scope.period(), CUSTOMERS, "o.clinic_id").get(0);
        Object[] before = scopes.rows(scope, scope.previous(), CUSTOMERS, "o.clinic_id").get(0);
        Object[] visitsNow = scopes.rows(scope, scope.period(), VISITS, "v.clinic_id").get(0);
        Object[] visitsBefore = scopes.rows(scope, scope.previous(), VISITS, "v.clinic_id").get(0);
        return new CustomersPanel(scope.period(), scope.previous(), scope.clinicId(), counts(now, before, 0),
                counts(now, before, 1), counts(visitsNow, visitsBefore, 0), counts(visitsNow, visitsBefore, 1));
    }

    public ConsultationsPanel consultations(Scope scope) {
        return new ConsultationsPanel(scope.period(), scope.previous(), scope.clinicId(),
                conversion(scope, scope.period()).total(), conversion(scope, scope.previous()).total());
    }

    public MembershipPanel membership(Scope scope) {
        Map<UUID, TierTally> tiers = new LinkedHashMap<>();
        for (Object[] row : scopes.rows(scope, scope.period(), TIERS_AT_END, "c.home_clinic_id")) {
            tiers.computeIfAbsent((UUID) row[0], id -> new TierTally(row)).current = number(row[3]);
        }
        for (Object[] row : scopes.rows(scope, scope.previous(), TIERS_AT_END, "c.home_clinic_id")) {
            tiers.computeIfAbsent((UUID) row[0], id -> new TierTally(row)).previous = number(row[3]);
        }
        List<TierCount> distribution = tiers.entrySet().stream()
                .map(e -> new TierCount(e.getKey(), e.getValue().name, e.getValue().position,
                        new CountComparison(e.getValue().current, e.getValue().previous)))
                .sorted(Comparator.comparing(TierCount::position, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TierCount::tierName))
                .toList();
        Object[] movesNow = scopes.rows(scope, scope.period(), TIER_MOVES, "c.home_clinic_id").get(0);
        Object[] movesBefore = scopes.rows(scope, scope.previous(), TIER_MOVES, "c.home_clinic_id").get(0);
        String pointsClinic = "coalesce(o.clinic_id, c.home_clinic_id)";
        Object[] pointsNow = scopes.rows(scope, scope.period(), POINTS, pointsClinic).get(0);
        Object[] pointsBefore = scopes.rows(scope, scope.previous(), POINTS, pointsClinic).get(0);
        return new MembershipPanel(scope.period(), scope.previous(), scope.clinicId(), distribution,
                counts(movesNow, movesBefore, 0), counts(movesNow, movesBefore, 1),
                counts(pointsNow, pointsBefore, 0), counts(pointsNow, pointsBefore, 1),
                counts(pointsNow, pointsBefore, 2));
    }

    /** Outstanding at the end of the period and at the end of the previous one (now, for an end still to come). */
    public LiabilitiesPanel liabilities(Scope scope) {
        OffsetDateTime asOf = untilNow(scope.period().to());
        OffsetDateTime previousAsOf = untilNow(scope.previous().to());
        return new LiabilitiesPanel(scope.period(), scope.previous(), scope.clinicId(), asOf, previousAsOf,
                storedValue.of(scope.clinicId(), asOf).total(), storedValue.of(scope.clinicId(), previousAsOf).total(),
                packs.of(scope.clinicId(), asOf).total(), packs.of(scope.clinicId(), previousAsOf).total());
    }

    public EngagementPanel engagement(Scope scope) {
        Object[] referralsNow = scopes.rows(scope, scope.period(), REFERRALS, "r.clinic_id").get(0);
        Object[] referralsBefore = scopes.rows(scope, scope.previous(), REFERRALS, "r.clinic_id").get(0);
        Object[] surveysNow = scopes.rows(scope, scope.period(), SURVEYS, "s.clinic_id").get(0);
        Object[] surveysBefore = scopes.rows(scope, scope.previous(), SURVEYS, "s.clinic_id").get(0);
        // Open and overdue are as of the end of the period, or now while it lasts.
        DashboardPeriod sofar = new DashboardPeriod(scope.period().from(), untilNow(scope.period().to()));
        DashboardPeriod sofarBefore = new DashboardPeriod(scope.previous().from(), untilNow(scope.previous().to()));
        Object[] complaintsNow = scopes.rows(scope, sofar, COMPLAINTS, "k.clinic_id").get(0);
        Object[] complaintsBefore = scopes.rows(scope, sofarBefore, COMPLAINTS, "k.clinic_id").get(0);
        return new EngagementPanel(scope.period(), scope.previous(), scope.clinicId(),
                counts(referralsNow, referralsBefore, 0), counts(surveysNow, surveysBefore, 0),
                new MeasureComparison(decimal(surveysNow[1]), decimal(surveysBefore[1])),
                new MeasureComparison(decimal(surveysNow[2]), decimal(surveysBefore[2])),
                new MeasureComparison(nps(surveysNow), nps(surveysBefore)),
                counts(complaintsNow, complaintsBefore, 0), counts(complaintsNow, complaintsBefore, 1),
                counts(complaintsNow, complaintsBefore, 2));
    }

    public ConsultantsPanel consultants(Scope scope) {
        Map<UUID, long[]> sales = byKey(scope, CONSULTANT_SALES, "clinic_id", 2);
        Map<UUID, long[]> orders = byKey(scope, CONSULTANT_ORDERS, "clinic_id", 1);
        Map<UUID, long[]> followUps = byKey(scope, FOLLOW_UPS, "f.clinic_id", 2);
        Map<UUID, ConversionGroup> converted = groups(conversion(scope, scope.period()));
        Map<UUID, ConversionGroup> convertedBefore = groups(conversion(scope, scope.previous()));
        Set<UUID> ids = new LinkedHashSet<>();
        List.of(sales.keySet(), orders.keySet(), followUps.keySet(), converted.keySet(), convertedBefore.keySet())
                .forEach(ids::addAll);
        Map<UUID, String> names = staff.displayNames(ids);
        long[] none = new long[4];
        List<ConsultantFigures> figures = ids.stream().map(id -> {
            long[] s = sales.getOrDefault(id, none);
            long[] o = orders.getOrDefault(id, none);
            long[] f = followUps.getOrDefault(id, none);
            ConversionGroup c = converted.get(id);
            ConversionGroup cb = convertedBefore.get(id);
            return new ConsultantFigures(id, names.get(id), money(scope, s[0], s[2]), new CountComparison(o[0], o[1]),
                    money(scope, s[1], s[3]),
                    new CountComparison(c == null ? 0 : c.figures().consultations(),
                            cb == null ? 0 : cb.figures().consultations()),
                    new CountComparison(c == null ? 0 : c.figures().converted(),
                            cb == null ? 0 : cb.figures().converted()),
                    new MeasureComparison(c == null ? null : c.figures().conversionRate(),
                            cb == null ? null : cb.figures().conversionRate()),
                    new CountComparison(f[0], f[2]), new CountComparison(f[1], f[3]),
                    new MeasureComparison(rate(f[1], f[0]), rate(f[3], f[2])));
        }).sorted(Comparator.comparing((ConsultantFigures c) -> c.sales().current().amount()).reversed()
                .thenComparing(ConsultantFigures::consultantName, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new ConsultantsPanel(scope.period(), scope.previous(), scope.clinicId(), figures);
    }

    /** Days up to a month, weeks up to half a year, months beyond. */
    static RevenueInterval intervalFor(DashboardPeriod period) {
        Duration length = Duration.between(period.from(), period.to());
        if (length.compareTo(Duration.ofDays(31)) <= 0) {
            return RevenueInterval.DAY;
        }
        return length.compareTo(Duration.ofDays(184)) <= 0 ? RevenueInterval.WEEK : RevenueInterval.MONTH;
    }

    private List<RevenuePoint> series(Scope scope, DashboardPeriod period, RevenueInterval interval) {
        String sql = REVENUE_SERIES.replace("UNIT", interval.name().toLowerCase());
        return scopes.rows(scope, period, sql, "clinic_id").stream()
                .map(r -> new RevenuePoint(date(r[0]), new SignedMoney(number(r[1]),
                        scope.currency()), number(r[2])))
                .toList();
    }

    private ConversionAnalysis conversion(Scope scope, DashboardPeriod period) {
        return conversion.analyse(AnalysisDimension.CONSULTANT, period.from(), period.to(), scope.clinicId());
    }

    private static Map<UUID, ConversionGroup> groups(ConversionAnalysis analysis) {
        return analysis.groups().stream().filter(g -> g.key() != null)
                .collect(Collectors.toMap(g -> UUID.fromString(g.key()), Function.identity()));
    }

    /** Rows keyed by their first column: `width` figures for the period, then `width` for the previous one. */
    private Map<UUID, long[]> byKey(Scope scope, String sql, String column, int width) {
        Map<UUID, long[]> result = new HashMap<>();
        for (Object[] row : scopes.rows(scope, scope.period(), sql, column)) {
            long[] figures = result.computeIfAbsent((UUID) row[0], k -> new long[width * 2]);
            for (int i = 0; i < width; i++) {
                figures[i] = number(row[i + 1]);
            }
        }
        for (Object[] row : scopes.rows(scope, scope.previous(), sql, column)) {
            long[] figures = result.computeIfAbsent((UUID) row[0], k -> new long[width * 2]);
            for (int i = 0; i < width; i++) {
                figures[width + i] = number(row[i + 1]);
            }
        }
        return result;
    }

    private static void collectByClinic(Map<UUID, long[]> byClinic, List<Object[]> rows, int at) {
        for (Object[] row : rows) {
            long[] figures = byClinic.computeIfAbsent((UUID) row[0], c -> new long[4]);
            figures[at] = number(row[1]);
            figures[at + 1] = number(row[2]);
        }
    }

    private OffsetDateTime untilNow(OffsetDateTime at) {
        OffsetDateTime now = Clocks.now(clock);
        return at.isAfter(now) ? now : at;
    }

    private static MoneyComparison money(Scope scope, long current, long previous) {
        return new MoneyComparison(new SignedMoney(current, scope.currency()),
                new SignedMoney(previous, scope.currency()));
    }

    private static CountComparison counts(Object[] now, Object[] before, int column) {
        return new CountComparison(number(now[column]), number(before[column]));
    }

    private static long average(long amount, long orders) {
        return orders == 0 ? 0 : Math.round((double) amount / orders);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** % promoters (9–10) − % detractors (0–6), to one decimal, as the satisfaction summary gives it. */
    private static Double nps(Object[] surveys) {
        long count = number(surveys[0]);
        return count == 0 ? null
                : Math.round((number(surveys[3]) - number(surveys[4])) * 1000.0 / count) / 10.0;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static final class TierTally {
        final String name;
        final Integer position;
        long current;
        long previous;

        TierTally(Object[] row) {
            name = (String) row[1];
            position = row[2] == null ? null : ((Number) row[2]).intValue();
        }
    }
}
