package app.meike.engagement.plan;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.catalog.CatalogService.ItemRef;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.MemberYearMonths;
import app.meike.common.MemberYearMonths.Month;
import app.meike.common.Money;
import app.meike.common.SignedMoney;
import app.meike.common.MoneySplit;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.problem.Problem;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerDtos.CustomerView;
import app.meike.customer.CustomerErased;
import app.meike.customer.CustomerService;
import app.meike.engagement.plan.TreatmentPlanDtos.CurveMonth;
import app.meike.engagement.plan.TreatmentPlanDtos.ItemMonth;
import app.meike.engagement.plan.TreatmentPlanDtos.ItemProgress;
import app.meike.engagement.plan.TreatmentPlanDtos.MemberYearView;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanLineInput;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanLineView;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanRevision;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanSuggestion;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanSuggestionList;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanVersionList;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanVersionSummary;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanVersionView;
import app.meike.engagement.plan.TreatmentPlanDtos.TreatmentPlanView;
import app.meike.identity.Caller;
import app.meike.membership.TierRules;
import app.meike.order.PurchasesByMonth;
import app.meike.order.PurchasesByMonth.MonthlyPurchase;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.visit.ConsultationDtos.ConsultationView;
import app.meike.visit.ConsultationDtos.NeedView;
import app.meike.visit.ConsultationDtos.SuggestedItem;
import app.meike.visit.ConsultationService;
import app.meike.visit.ConsultationService.ConsultationQuery;
import app.meike.wallet.RedemptionsByMonth;
import app.meike.wallet.RedemptionsByMonth.MonthlyRedemptions;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Annual treatment plans (年度项目规划): a converted customer's plan for a member year, saved as immutable versions
 * under If-Match, and its progress: planned against purchased and redeemed, month by month in the chain's time zone.
 * Plans may be drafted for her current member year and the next; earlier years are history.
 */
@ApplicationScoped
public class TreatmentPlanService {
    static final int MONTHS_PER_QUARTER = 3;
    static final String ERASED = "（已删除）";
    private static final int SUGGESTIONS_FROM = PageRequest.MAX_LIMIT;

    @Inject
    CustomerService customers;
    @Inject
    CatalogService catalog;
    @Inject
    ConsultationService consultations;
    @Inject
    PurchasesByMonth purchases;
    @Inject
    RedemptionsByMonth redemptions;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Her member year `number` (null: the current one): 404 for an unknown customer, 422 before her first payment. */
    MemberYearView memberYear(UUID customerId, Integer number, OffsetDateTime now) {
        return memberYear(customers.get(customerId), number, now);
    }

    private static MemberYearView memberYear(CustomerView customer, Integer number, OffsetDateTime now) {
        OffsetDateTime first = customer.firstPurchaseAt();
        if (first == null) {
            throw ProblemException.unprocessable("She has not paid for anything yet: a plan is for a converted"
                    + " customer's member year, which her first paid order starts");
        }
        int current = 1;
        OffsetDateTime currentStart = TierRules.memberYearStart(first, now);
        while (currentStart != null && first.plusYears(current).compareTo(currentStart) <= 0) {
            current++;
        }
        int chosen = number == null ? current : number;
        if (chosen > current + 1) {
            throw ProblemException.invalidField("memberYear", "must be at most " + (current + 1)
                    + ", her next member year");
        }
        return new MemberYearView(chosen, first.plusYears(chosen - 1), first.plusYears(chosen), chosen == current);
    }

    public TreatmentPlanView get(UUID customerId, Integer memberYear) {
        OffsetDateTime now = Clocks.now(clock);
        MemberYearView year = memberYear(customerId, memberYear, now);
        TreatmentPlan plan = plan(customerId, year.number());
        return view(customerId, year, plan, now);
    }

    /**
     * Saves the lines as the plan's next version. The plan row is written first (or found), then locked: two first
     * drafts at once meet on its unique key, two revisions on its lock, and the later one finds the version moved
     * (412).
     */
    @Transactional
    public TreatmentPlanView revise(UUID customerId, Integer memberYear, String ifMatch, PlanRevision revision) {
        OffsetDateTime now = Clocks.now(clock);
        CustomerView customer = customers.get(customerId);
        MemberYearView year = memberYear(customer, memberYear, now);
        if (!year.end().isAfter(now)) {
            throw ProblemException.conflict("Member year " + year.number() + " has ended; its plan is history");
        }
        if (customer.mergedInto() != null || customer.erasedAt() != null) {
            throw ProblemException.conflict("This customer was merged or erased; plan for her surviving record");
        }
        Map<UUID, ItemRef> items = checkedLines(customerId, revision.lines());
        Panache.getEntityManager().createNativeQuery("INSERT INTO treatment_plan (tenant_id, id, customer_id,"
                        + " member_year, current_version, created_at, updated_at)"
                        + " VALUES (:tenant, :id, :customer, :year, 0, :now, :now) ON CONFLICT DO NOTHING")
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("id", Ids.newId())
                .setParameter("customer", customerId)
                .setParameter("year", year.number())
                .setParameter("now", now)
                .executeUpdate();
        TreatmentPlan plan = TreatmentPlan.<TreatmentPlan>find("customerId = ?1 and memberYear = ?2", customerId,
                year.number()).withLock(LockModeType.PESSIMISTIC_WRITE).singleResult();
        Versions.requireMatch(ifMatch, plan.currentVersion);
        String reason = revision.reason() == null || revision.reason().isBlank() ? null : revision.reason().strip();
        if (plan.currentVersion > 0 && reason == null) {
            throw ProblemException.invalidField("reason", "must say why the plan is revised");
        }
        int next = plan.currentVersion + 1;
        TreatmentPlanVersion version = new TreatmentPlanVersion();
        version.key = new TreatmentPlanVersion.Key(plan.id, next);
        version.reason = reason;
        version.plannedTotal = revision.lines().stream().mapToLong(l -> l.estimatedAmount().amount()).sum();
        version.createdBy = caller.userId();
        version.createdByName = caller.displayName();
        version.createdAt = now;
        version.persist();
        short lineNo = 0;
        for (PlanLineInput input : revision.lines()) {
            TreatmentPlanLine line = new TreatmentPlanLine();
            line.key = new TreatmentPlanLine.Key(plan.id, next, ++lineNo);
            line.itemId = input.itemId();
            line.month = input.month() == null ? null : input.month().shortValue();
            line.quarter = input.quarter() == null ? null : input.quarter().shortValue();
            line.quantity = input.quantity();
            line.estimatedAmount = input.estimatedAmount().amount();
            line.note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
            line.consultationId = input.consultationId();
            line.needRank = input.needRank() == null ? null : input.needRank().shortValue();
            line.persist();
        }
        plan.currentVersion = next;
        plan.updatedAt = now;
        plan.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("memberYear", year.number());
        details.put("version", next);
        details.put("lines", revision.lines().size());
        details.put("plannedTotal", version.plannedTotal);
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(next == 1 ? "treatment-plan.drafted" : "treatment-plan.revised", "customer", customerId,
                details);
        return view(customerId, year, plan, now, items);
    }

    public PlanVersionList versions(UUID customerId, Integer memberYear) {
        MemberYearView year = memberYear(customerId, memberYear, Clocks.now(clock));
        TreatmentPlan plan = plan(customerId, year.number());
        if (plan == null) {
            return new PlanVersionList(customerId, year, List.of());
        }
        List<TreatmentPlanVersion> versions = TreatmentPlanVersion.<TreatmentPlanVersion>list(
                "key.planId = ?1 order by key.version desc", plan.id);
        Map<Integer, Long> counts = new LinkedHashMap<>();
        Panache.getEntityManager().createQuery("select l.key.version, count(l) from TreatmentPlanLine l"
                        + " where l.key.planId = :plan group by l.key.version", Object[].class)
                .setParameter("plan", plan.id).getResultList()
                .forEach(r -> counts.put((Integer) r[0], (Long) r[1]));
        return new PlanVersionList(customerId, year, versions.stream().map(v -> new PlanVersionSummary(v.key.version(),
                v.reason, money(v.plannedTotal), counts.getOrDefault(v.key.version(), 0L).intValue(),
                v.createdByName, v.createdAt)).toList());
    }

    public PlanVersionView version(UUID customerId, Integer memberYear, int number) {
        MemberYearView year = memberYear(customerId, memberYear, Clocks.now(clock));
        TreatmentPlan plan = plan(customerId, year.number());
        TreatmentPlanVersion version = plan == null ? null
                : TreatmentPlanVersion.findById(new TreatmentPlanVersion.Key(plan.id, number));
        if (version == null) {
            throw ProblemException.notFound("Plan version");
        }
        return versionView(version, lines(plan.id, number), null);
    }

    /**
     * Lines from her consultation needs, newest consultation first and by rank: each suggested item once, at its
     * list price, rank 1 in the member year's current quarter and each lower rank a quarter later (the last quarter
     * at the latest). Only consultations at the caller's clinics are read, as everywhere.
     */
    public PlanSuggestionList suggestions(UUID customerId, Integer memberYear) {
        OffsetDateTime now = Clocks.now(clock);
        MemberYearView year = memberYear(customerId, memberYear, now);
        int firstQuarter = year.current() ? quarterOf(monthOf(year, now)) : 1;
        List<ConsultationView> found = consultations.list(new ConsultationQuery(customerId, null, null, null, null,
                null, null), new PageRequest(SUGGESTIONS_FROM, null, null)).items();
        Set<UUID> itemIds = new HashSet<>();
        found.forEach(c -> c.needs().forEach(n -> n.suggestedItems().forEach(s -> itemIds.add(s.itemId()))));
        Map<UUID, ItemRef> items = catalog.items(itemIds);
        Set<UUID> taken = new HashSet<>();
        List<PlanSuggestion> suggestions = new ArrayList<>();
        for (ConsultationView consultation : found) {
            for (NeedView need : consultation.needs()) {
                int quarter = Math.min(4, firstQuarter + need.rank() - 1);
                for (SuggestedItem suggested : need.suggestedItems()) {
                    ItemRef item = items.get(suggested.itemId());
                    if (item == null || !item.active() || !taken.add(item.id())) {
                        continue;
                    }
                    suggestions.add(new PlanSuggestion(item.id(), item.name(), null, quarter, 1,
                            money(item.listPrice()), consultation.id(), need.rank(), need.concern(),
                            consultation.consultedAt()));
                }
            }
        }
        return new PlanSuggestionList(customerId, year, suggestions);
    }

    /**
     * Her plans' free text goes when she is erased (a reason or a note may hold health information); the items,
     * periods and amounts stay for the chain's figures. Only these columns may change (029-treatment-plans.sql), so
     * the statements name them, and the tenant, themselves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onErased(@Observes CustomerErased erased) {
        String mine = " AND plan_id IN (SELECT id FROM treatment_plan WHERE tenant_id = :tenant AND customer_id = :customer)";
        Panache.getEntityManager().createNativeQuery("UPDATE treatment_plan_line SET note = NULL"
                        + " WHERE tenant_id = :tenant AND note IS NOT NULL" + mine)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", erased.customerId())
                .executeUpdate();
        Panache.getEntityManager().createNativeQuery("UPDATE treatment_plan_version SET reason = :erased"
                        + " WHERE tenant_id = :tenant AND reason IS NOT NULL" + mine)
                .setParameter("erased", ERASED)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", erased.customerId())
                .executeUpdate();
    }

    /** Items of the chain, a month or a quarter, amounts in the chain's currency, needs of her own consultations. */
    private Map<UUID, ItemRef> checkedLines(UUID customerId, List<PlanLineInput> lines) {
        Map<UUID, ItemRef> items = catalog.items(lines.stream().map(PlanLineInput::itemId).toList());
        String currency = currency();
        Map<UUID, ConsultationView> seen = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PlanLineInput line = lines.get(i);
            String at = "lines[" + i + "].";
            if (!items.containsKey(line.itemId())) {
                errors.add(new Problem.FieldError(at + "itemId", "is not an item of this chain"));
            }
            if ((line.month() == null) == (line.quarter() == null)) {
                errors.add(new Problem.FieldError(at + "month", "give either a month (1-12) or a quarter (1-4)"
                        + " of the member year"));
            }
            if (!line.estimatedAmount().currency().equals(currency)) {
                errors.add(new Problem.FieldError(at + "estimatedAmount.currency",
                        "must be the chain's currency " + currency));
            }
            if (line.needRank() != null && line.consultationId() == null) {
                errors.add(new Problem.FieldError(at + "needRank", "needs the consultationId it belongs to"));
            }
            if (line.consultationId() != null) {
                ConsultationView consultation = seen.computeIfAbsent(line.consultationId(), this::consultationOrNull);
                if (consultation == null || !consultation.customerId().equals(customerId)) {
                    errors.add(new Problem.FieldError(at + "consultationId",
                            "is not a consultation of this customer at your clinics"));
                } else if (line.needRank() != null && consultation.needs().stream()
                        .noneMatch(n -> n.rank() == line.needRank())) {
                    errors.add(new Problem.FieldError(at + "needRank", "is not a need of that consultation"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return items;
    }

    private ConsultationView consultationOrNull(UUID id) {
        try {
            return consultations.get(id);
        } catch (ProblemException notFound) {
            return null;
        }
    }

    private TreatmentPlanView view(UUID customerId, MemberYearView year, TreatmentPlan plan, OffsetDateTime now) {
        return view(customerId, year, plan, now, null);
    }

    private TreatmentPlanView view(UUID customerId, MemberYearView year, TreatmentPlan plan, OffsetDateTime now,
                                   Map<UUID, ItemRef> knownItems) {
        ZoneId zone = zone();
        List<Month> months = MemberYearMonths.of(year.start(), zone);
        List<TreatmentPlanLine> lines = plan == null || plan.currentVersion == 0 ? List.of()
                : lines(plan.id, plan.currentVersion);
        PlanVersionView current = plan == null || plan.currentVersion == 0 ? null
                : versionView(TreatmentPlanVersion.findById(new TreatmentPlanVersion.Key(plan.id,
                plan.currentVersion)), lines, knownItems);
        List<MonthlyPurchase> bought = purchases.of(customerId, year.start(), zone);
        List<MonthlyRedemptions> redeemed = redemptions.of(customerId, year.start(), zone);
        // Months that have begun have actuals (the current one so far); later ones have none yet.
        int begun = (int) months.stream().filter(m -> !m.from().isAfter(now)).count();

        Map<String, Progress> byItem = new LinkedHashMap<>();
        Map<UUID, String> names = current == null ? Map.of() : current.lines().stream()
                .collect(LinkedHashMap::new, (m, l) -> m.put(l.itemId(), l.itemName()), Map::putAll);
        for (TreatmentPlanLine line : lines) {
            Progress p = byItem.computeIfAbsent("item:" + line.itemId,
                    k -> new Progress(line.itemId, null, names.get(line.itemId)));
            p.plannedQuantity += line.quantity;
            long[] parts = line.month != null ? single(line.month, line.estimatedAmount) : quarter(line);
            for (int m = 0; m < MemberYearMonths.MONTHS; m++) {
                p.planned[m] += parts[m];
            }
        }
        for (MonthlyPurchase b : bought) {
            String key = b.itemId() != null ? "item:" + b.itemId() : "pack:" + b.packTemplateId();
            Progress p = byItem.computeIfAbsent(key, k -> new Progress(b.itemId(), b.packTemplateId(), b.name()));
            p.purchased[b.month() - 1] += b.amount();
        }
        for (MonthlyRedemptions r : redeemed) {
            Progress p = byItem.computeIfAbsent("item:" + r.itemId(), k -> new Progress(r.itemId(), null, r.name()));
            p.redeemed[r.month() - 1] += r.value();
            p.redeemedSessions += r.sessions();
        }

        List<CurveMonth> curve = new ArrayList<>();
        long plannedSum = 0;
        long purchasedSum = 0;
        long redeemedSum = 0;
        for (Month month : months) {
            int m = month.month() - 1;
            long planned = byItem.values().stream().mapToLong(p -> p.planned[m]).sum();
            plannedSum += planned;
            boolean actual = month.month() <= begun;
            long purchased = byItem.values().stream().mapToLong(p -> p.purchased[m]).sum();
            long redeemedValue = byItem.values().stream().mapToLong(p -> p.redeemed[m]).sum();
            purchasedSum += purchased;
            redeemedSum += redeemedValue;
            curve.add(new CurveMonth(month.month(), month.from(), month.to(), money(planned), money(plannedSum),
                    actual ? signed(purchased) : null, actual ? signed(purchasedSum) : null,
                    actual ? money(redeemedValue) : null, actual ? money(redeemedSum) : null));
        }
        List<ItemProgress> items = byItem.values().stream().map(p -> p.view(begun)).toList();
        return new TreatmentPlanView(customerId, year, plan == null ? 0 : plan.currentVersion, current, curve, items,
                now);
    }

    /** What one item planned, bought and was given, per month of the member year (index 0 is month 1). */
    private final class Progress {
        final UUID itemId;
        final UUID packTemplateId;
        final String name;
        int plannedQuantity;
        int redeemedSessions;
        final long[] planned = new long[MemberYearMonths.MONTHS];
        final long[] purchased = new long[MemberYearMonths.MONTHS];
        final long[] redeemed = new long[MemberYearMonths.MONTHS];

        Progress(UUID itemId, UUID packTemplateId, String name) {
            this.itemId = itemId;
            this.packTemplateId = packTemplateId;
            this.name = name;
        }

        ItemProgress view(int begun) {
            List<ItemMonth> months = new ArrayList<>();
            for (int m = 0; m < MemberYearMonths.MONTHS; m++) {
                boolean actual = m < begun;
                months.add(new ItemMonth(m + 1, money(planned[m]), actual ? signed(purchased[m]) : null,
                        actual ? money(redeemed[m]) : null));
            }
            return new ItemProgress(itemId, packTemplateId, name, plannedQuantity, money(sum(planned)),
                    signed(sum(purchased)), redeemedSessions, money(sum(redeemed)), months);
        }
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static long[] single(int month, long amount) {
        long[] parts = new long[MemberYearMonths.MONTHS];
        parts[month - 1] = amount;
        return parts;
    }

    /** A quarter's amount over its three months, split exactly (the first months take the odd fen). */
    private static long[] quarter(TreatmentPlanLine line) {
        long[] parts = new long[MemberYearMonths.MONTHS];
        long[] thirds = MoneySplit.byWeights(line.estimatedAmount, new long[]{1, 1, 1});
        for (int i = 0; i < MONTHS_PER_QUARTER; i++) {
            parts[(line.quarter - 1) * MONTHS_PER_QUARTER + i] = thirds[i];
        }
        return parts;
    }

    /** The month of the member year holding `at` (a time inside the year). */
    private int monthOf(MemberYearView year, OffsetDateTime at) {
        return MemberYearMonths.of(year.start(), zone()).stream().filter(m -> m.to().isAfter(at)).findFirst()
                .orElseThrow().month();
    }

    private ZoneId zone() {
        return ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
    }

    private static int quarterOf(int month) {
        return (month - 1) / MONTHS_PER_QUARTER + 1;
    }

    private PlanVersionView versionView(TreatmentPlanVersion v, List<TreatmentPlanLine> lines,
                                        Map<UUID, ItemRef> knownItems) {
        Map<UUID, ItemRef> items = knownItems != null ? knownItems
                : catalog.items(lines.stream().map(l -> l.itemId).distinct().toList());
        return new PlanVersionView(v.key.version(), v.reason, money(v.plannedTotal), v.createdBy, v.createdByName,
                v.createdAt, lines.stream().map(l -> new PlanLineView(l.key.lineNo(), l.itemId,
                        Objects.requireNonNull(items.get(l.itemId)).name(), l.month == null ? null : (int) l.month,
                        l.quarter == null ? null : (int) l.quarter, l.quantity, money(l.estimatedAmount), l.note,
                        l.consultationId, l.needRank == null ? null : (int) l.needRank)).toList());
    }

    private static List<TreatmentPlanLine> lines(UUID planId, int version) {
        return TreatmentPlanLine.list("key.planId = ?1 and key.version = ?2 order by key.lineNo", planId, version);
    }

    private static TreatmentPlan plan(UUID customerId, int memberYear) {
        return TreatmentPlan.<TreatmentPlan>find("customerId = ?1 and memberYear = ?2", customerId, memberYear)
                .firstResult();
    }

    private Money money(long amount) {
        return new Money(amount, currency());
    }

    private SignedMoney signed(long amount) {
        return new SignedMoney(amount, currency());
    }

    private String currency() {
        return tenants.currencyOf(tenantContext.tenantId());
    }
}
