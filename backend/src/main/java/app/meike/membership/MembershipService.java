package app.meike.membership;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.identity.Caller;
import app.meike.membership.MembershipDtos.CustomerMembershipView;
import app.meike.membership.MembershipDtos.MemberYear;
import app.meike.membership.MembershipDtos.NextTier;
import app.meike.membership.MembershipDtos.OverrideInput;
import app.meike.membership.MembershipDtos.OverrideView;
import app.meike.membership.MembershipDtos.TierChangeView;
import app.meike.membership.MembershipDtos.TierRef;
import app.meike.membership.MembershipDtos.TierSource;
import app.meike.membership.TierChange.Reason;
import app.meike.membership.TierChange.SourceType;
import app.meike.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Customers' tiers: spend recorded by orders moves them up at once (down at once only for refunds on lifetime
 * spend), overrides pin them, jobs re-evaluate them. Every move locks the customer's membership row first and
 * goes into the tier history and the audit log.
 */
@ApplicationScoped
public class MembershipService implements Memberships {
    private static final int HISTORY_SHOWN = 50;

    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    TenantContext tenantContext;
    @Inject
    CustomerService customers;
    @Inject
    MembershipProgramService programs;

    @Override
    public MemberBenefits benefitsOf(UUID customerId) {
        CustomerMembership membership = CustomerMembership.findById(customerId);
        UUID tier = membership == null ? null : membership.effectiveTier(Clocks.now(clock));
        return tier == null ? MemberBenefits.NONE : MembershipTier.<MembershipTier>findById(tier).benefits();
    }

    @Override
    @Transactional
    public void recordSpend(UUID customerId, UUID sourceId, SpendSource source, long amount, OffsetDateTime at) {
        if (source.takesBack() ? amount > 0 : amount < 0) {
            throw ProblemException.unprocessable("Qualifying spend of " + source + " " + sourceId
                    + " must be " + (source.takesBack() ? "zero or less" : "zero or more"));
        }
        CustomerMembership membership = lock(customerId);
        OffsetDateTime now = Clocks.now(clock);
        if (insertSpend(customerId, sourceId, source, amount, at, now)) {
            afterSpend(membership, sourceId, source, amount, at, now);
        }
    }

    @Override
    @Transactional
    public void spendRecorded(UUID customerId, UUID sourceId, SpendSource source, long amount, OffsetDateTime at) {
        afterSpend(lock(customerId), sourceId, source, amount, at, Clocks.now(clock));
    }

    /** Moves the tier by the spend just recorded (and the override that ran out meanwhile), under its lock. */
    private void afterSpend(CustomerMembership membership, UUID sourceId, SpendSource source, long amount,
                            OffsetDateTime at, OffsetDateTime now) {
        UUID customerId = membership.customerId;
        if (amount > 0 && (membership.firstPaidAt == null || at.isBefore(membership.firstPaidAt))) {
            membership.firstPaidAt = at;
            membership.updatedAt = now;
        }
        OffsetDateTime asOf = at.isAfter(now) ? at : now;
        SourceType sourceType = switch (source) {
            case ORDER -> SourceType.ORDER;
            case REFUND -> SourceType.REFUND;
            case STORED_VALUE, STORED_VALUE_REVERSAL -> SourceType.STORED_VALUE;
        };
        endExpiredOverride(membership, asOf, sourceType, sourceId);
        TierRules.Ladder ladder = programs.ladder();
        long spend = spendOn(customerId, membership.firstPaidAt, ladder.basis(), asOf);
        UUID target = TierRules.afterSpend(membership.tierId, ladder.earned(spend), ladder, source);
        if (!Objects.equals(target, membership.tierId)) {
            Reason reason = ladder.rank(target) > ladder.rank(membership.tierId) ? Reason.UPGRADE : Reason.REFUND;
            move(membership, target, reason, sourceType, sourceId, spend, asOf);
            membership.updatedAt = now;
        }
    }

    /** Appends the spend entry; false when its source was recorded before (each source counts once). */
    private boolean insertSpend(UUID customerId, UUID sourceId, SpendSource source, long amount, OffsetDateTime at,
                                OffsetDateTime now) {
        return QualifyingSpend.getEntityManager().createNativeQuery("INSERT INTO qualifying_spend (tenant_id, id,"
                        + " customer_id, source, source_id, amount, spent_at, recorded_at) VALUES (:tenant, :id,"
                        + " :customer, :source, :sourceId, :amount, :at, :now) ON CONFLICT (tenant_id, source_id)"
                        + " DO NOTHING")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(QualifyingSpend.class)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("id", Ids.newId())
                .setParameter("customer", customerId)
                .setParameter("source", source.name())
                .setParameter("sourceId", sourceId)
                .setParameter("amount", amount)
                .setParameter("at", at)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * TierRules.qualifyingSpend summed by the database over the customer's entries, which it never ships: the
     * windows are the rules' own (lifetime up to `asOf`; the 12 months before it; the member year holding it and the
     * one before, counted from her first paid order), so both agree for every basis, refunds included.
     */
    private long spendOn(UUID customerId, OffsetDateTime firstPaidAt, TierRules.Basis basis, OffsetDateTime asOf) {
        OffsetDateTime yearStart = TierRules.memberYearStart(firstPaidAt, asOf);
        if (basis == TierRules.Basis.MEMBER_YEAR && yearStart == null) {
            return 0;
        }
        String current = switch (basis) {
            case LIFETIME -> "spent_at <= :asOf";
            case ROLLING_12_MONTHS -> "spent_at > :from AND spent_at <= :asOf";
            case MEMBER_YEAR -> "spent_at >= :from AND spent_at <= :asOf";
        };
        String previous = basis == TierRules.Basis.MEMBER_YEAR ? "spent_at >= :previous AND spent_at < :from" : "false";
        NativeQuery<?> query = QualifyingSpend.getEntityManager().createNativeQuery("SELECT coalesce(sum(amount)"
                        + " FILTER (WHERE " + current + "), 0), coalesce(sum(amount) FILTER (WHERE " + previous + "), 0)"
                        + " FROM qualifying_spend WHERE tenant_id = :tenant AND customer_id = :customer")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(QualifyingSpend.class)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .setParameter("asOf", asOf);
        switch (basis) {
            case LIFETIME -> {
            }
            case ROLLING_12_MONTHS -> query.setParameter("from", asOf.minusMonths(12));
            case MEMBER_YEAR -> query.setParameter("from", yearStart).setParameter("previous", yearStart.minusYears(1));
        }
        Object[] row = (Object[]) query.getSingleResult();
        return Math.max(0, Math.max(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    public CustomerMembershipView get(UUID customerId) {
        customers.requireKnown(customerId);
        return view(customerId, CustomerMembership.findById(customerId));
    }

    @Transactional
    public CustomerMembershipView override(UUID customerId, OverrideInput input) {
        customers.requireKnown(customerId);
        OffsetDateTime now = Clocks.now(clock);
        MembershipTier tier = MembershipTier.findById(input.tierId());
        if (tier == null || tier.position == null) {
            throw ProblemException.invalidField("tierId", "is not a tier of the chain's program");
        }
        if (!input.until().isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        CustomerMembership membership = lock(customerId);
        UUID before = membership.effectiveTier(now);
        membership.overrideTierId = tier.id;
        membership.overrideReason = input.reason().trim();
        membership.overrideUntil = input.until();
        membership.overrideBy = caller.userId();
        membership.overrideAt = now;
        membership.updatedAt = now;
        history(membership, before, tier.id, Reason.OVERRIDE, SourceType.STAFF, null, membership.overrideReason,
                spendNow(customerId, now), now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("tierId", tier.id);
        changes.put("reason", membership.overrideReason);
        changes.put("until", input.until());
        audit.record("membership.override-set", "customer", customerId, changes);
        return view(customerId, membership);
    }

    @Transactional
    public CustomerMembershipView endOverride(UUID customerId, String reason) {
        customers.requireKnown(customerId);
        OffsetDateTime now = Clocks.now(clock);
        CustomerMembership membership = lock(customerId);
        if (!membership.hasOverride() || !membership.overrideUntil.isAfter(now)) {
            throw ProblemException.conflict("The customer has no active tier override");
        }
        endOverride(membership, SourceType.STAFF, null, reason.trim(), now);
        audit.record("membership.override-ended", "customer", customerId, Map.of("reason", reason.trim()));
        return view(customerId, membership);
    }

    /** What a job did to one member. */
    enum Move { NONE, UP, DOWN }

    /**
     * Evaluates one member for a job, her row locked by the caller: a re-evaluation applies the tier her spend
     * reaches now; a review does so once per review date (the higher of what her spend reached at the review's
     * moment and now, as upgrades never wait), and ends an override that has run out.
     */
    Move evaluate(CustomerMembership membership, List<TierRules.Spend> entries, MembershipJob job,
                  MembershipProgram program, TierRules.Ladder ladder, Map<UUID, MembershipTier> tiers,
                  OffsetDateTime now) {
        UUID target;
        Reason reason;
        if (job.kind == MembershipJob.Kind.REVIEW) {
            endExpiredOverride(membership, now, SourceType.JOB, job.id);
            LocalDate due = TierRules.reviewDate(program.reviewRule, membership.firstPaidAt, job.evaluateAt);
            if (due == null || membership.reviewedFor != null && !membership.reviewedFor.isBefore(due)) {
                return Move.NONE;
            }
            membership.reviewedFor = due;
            membership.updatedAt = now;
            UUID then = TierRules.earnedTier(entries, ladder, job.evaluateAt);
            UUID current = TierRules.earnedTier(entries, ladder, now);
            target = ladder.rank(current) > ladder.rank(then) ? current : then;
            reason = Reason.REVIEW;
        } else {
            target = TierRules.earnedTier(entries, ladder, now);
            reason = Reason.RULES_CHANGED;
        }
        if (Objects.equals(target, membership.tierId)) {
            return Move.NONE;
        }
        boolean up = TierRules.isUp(threshold(tiers, membership.tierId), threshold(tiers, target));
        move(membership, target, reason, SourceType.JOB, job.id,
                TierRules.qualifyingSpend(entries, ladder.basis(), now), now);
        membership.updatedAt = now;
        return up ? Move.UP : Move.DOWN;
    }

    /** The spend entries of these customers, by customer. */
    static Map<UUID, List<TierRules.Spend>> spendOf(List<UUID> customerIds) {
        Map<UUID, List<TierRules.Spend>> spend = new HashMap<>();
        customerIds.forEach(id -> spend.put(id, new ArrayList<>()));
        QualifyingSpend.<QualifyingSpend>list("customerId in ?1", customerIds)
                .forEach(s -> spend.get(s.customerId).add(s.spend()));
        return spend;
    }

    private static List<TierRules.Spend> spendOf(UUID customerId) {
        return QualifyingSpend.<QualifyingSpend>list("customerId", customerId).stream()
                .map(QualifyingSpend::spend).toList();
    }

    private long spendNow(UUID customerId, OffsetDateTime now) {
        return TierRules.qualifyingSpend(spendOf(customerId), programs.program().basis, now);
    }

    /**
     * Her membership row, created on first use and locked: the lock orders and jobs share. An existing row is read
     * under the lock in one statement (its customer is known: the row's foreign key says so). Were it loaded unlocked
     * earlier in the transaction, the lock checks its version, so a stale copy fails rather than counts.
     */
    private CustomerMembership lock(UUID customerId) {
        EntityManager em = CustomerMembership.getEntityManager();
        CustomerMembership membership = em.find(CustomerMembership.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        if (membership != null) {
            return membership;
        }
        customers.requireKnown(customerId);
        em.createNativeQuery("INSERT INTO customer_membership (tenant_id,"
                        + " customer_id, created_at, updated_at, version) VALUES (:tenant, :customer, :now, :now, 0)"
                        + " ON CONFLICT DO NOTHING")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(CustomerMembership.class)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .setParameter("now", Clocks.now(clock))
                .executeUpdate();
        return em.find(CustomerMembership.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void endExpiredOverride(CustomerMembership membership, OffsetDateTime at, SourceType sourceType,
                                    UUID sourceId) {
        if (membership.hasOverride() && !membership.overrideUntil.isAfter(at)) {
            endOverride(membership, sourceType, sourceId, "the override ran out", at);
        }
    }

    private void endOverride(CustomerMembership membership, SourceType sourceType, UUID sourceId, String note,
                             OffsetDateTime at) {
        UUID overridden = membership.overrideTierId;
        membership.clearOverride();
        membership.updatedAt = at;
        history(membership, overridden, membership.tierId, Reason.OVERRIDE_ENDED, sourceType, sourceId, note,
                spendNow(membership.customerId, at), at);
    }

    private void move(CustomerMembership membership, UUID target, Reason reason, SourceType sourceType,
                      UUID sourceId, long spend, OffsetDateTime at) {
        UUID before = membership.tierId;
        membership.tierId = target;
        history(membership, before, target, reason, sourceType, sourceId, null, spend, at);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("tierId", Map.of("from", String.valueOf(before), "to", String.valueOf(target)));
        changes.put("reason", reason);
        changes.put("sourceId", sourceId);
        audit.record("membership.tier-changed", "customer", membership.customerId, changes);
    }

    private void history(CustomerMembership membership, UUID from, UUID to, Reason reason, SourceType sourceType,
                         UUID sourceId, String note, long spend, OffsetDateTime at) {
        TierChange change = new TierChange();
        change.id = Ids.newId();
        change.customerId = membership.customerId;
        change.changedAt = at;
        change.fromTierId = from;
        change.toTierId = to;
        change.reason = reason;
        change.sourceType = sourceType;
        change.sourceId = sourceId;
        change.changedBy = sourceType == SourceType.STAFF ? caller.userId() : null;
        change.note = note;
        change.qualifyingSpend = spend;
        change.persist();
    }

    private CustomerMembershipView view(UUID customerId, CustomerMembership membership) {
        OffsetDateTime now = Clocks.now(clock);
        String currency = programs.currency();
        MembershipProgram program = programs.program();
        TierRules.Ladder ladder = programs.ladder(program);
        Map<UUID, MembershipTier> tiers = MembershipProgramService.allTiers();
        List<TierRules.Spend> entries = membership == null ? List.of() : spendOf(customerId);
        long spend = TierRules.qualifyingSpend(entries, program.basis, now);
        UUID held = membership == null ? null : membership.tierId;
        boolean overridden = membership != null && membership.hasOverride() && membership.overrideUntil.isAfter(now);
        UUID tier = overridden ? membership.overrideTierId : held;
        TierRules.Rung next = ladder.nextAbove(held, ladder.earned(spend));
        MembershipTier nextTier = next == null ? null : tiers.get(next.tierId());
        OffsetDateTime firstPaid = membership == null ? null : membership.firstPaidAt;
        OffsetDateTime yearStart = TierRules.memberYearStart(firstPaid, now);
        List<TierChangeView> history = membership == null ? List.of()
                : TierChange.<TierChange>find("customerId = ?1 order by changedAt desc, id desc", customerId)
                .page(0, HISTORY_SHOWN).list().stream()
                .map(c -> new TierChangeView(c.id, c.changedAt, ref(tiers, c.fromTierId), ref(tiers, c.toTierId),
                        c.reason, c.sourceType, c.sourceId, c.changedBy, c.note,
                        new Money(Math.max(0, c.qualifyingSpend), currency)))
                .toList();
        return new CustomerMembershipView(customerId, ref(tiers, tier),
                tier == null ? null : overridden ? TierSource.OVERRIDE : TierSource.COMPUTED, ref(tiers, held),
                overridden ? new OverrideView(ref(tiers, membership.overrideTierId), membership.overrideReason,
                        membership.overrideUntil, membership.overrideBy, membership.overrideAt) : null,
                program.basis, new Money(spend, currency),
                nextTier == null ? null : new NextTier(nextTier.id, nextTier.name,
                        new Money(nextTier.threshold, currency), new Money(Math.max(0, nextTier.threshold - spend),
                        currency)),
                tier == null ? new MembershipDtos.BenefitsView(BigDecimal.ZERO, Map.of(), BigDecimal.ONE, List.of())
                        : MembershipProgramService.benefits(tiers.get(tier)),
                firstPaid, yearStart == null ? null : new MemberYear(yearStart, yearStart.plusYears(1)), history);
    }

    private static TierRef ref(Map<UUID, MembershipTier> tiers, UUID id) {
        MembershipTier tier = id == null ? null : tiers.get(id);
        return tier == null ? null : new TierRef(tier.id, tier.name);
    }

    private static Long threshold(Map<UUID, MembershipTier> tiers, UUID id) {
        return id == null ? null : tiers.get(id).threshold;
    }
}
