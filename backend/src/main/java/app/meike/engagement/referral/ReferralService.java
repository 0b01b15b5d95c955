package app.meike.engagement.referral;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.customer.CustomerDtos.CustomerView;
import app.meike.customer.CustomerService;
import app.meike.customer.CustomerService.Referee;
import app.meike.engagement.referral.ReferralDtos.CustomerReferralsView;
import app.meike.engagement.referral.ReferralDtos.Leaderboard;
import app.meike.engagement.referral.ReferralDtos.LeaderboardBy;
import app.meike.engagement.referral.ReferralDtos.LeaderboardRow;
import app.meike.engagement.referral.ReferralDtos.RefereeNode;
import app.meike.engagement.referral.ReferralDtos.ReferrerNode;
import app.meike.engagement.referral.ReferralDtos.RewardView;
import app.meike.membership.PointsService;
import app.meike.order.OrderEvents.OrderPaid;
import app.meike.order.OrderEvents.OrderRefunded;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Referrals: a referee's first paid order with qualifying spend counts her referral and pays the rule's rewards to
 * her referrer (level 1) and his referrer (level 2), never further up (deeper chains are pyramid selling). Refunds
 * that take that order's spend below the minimum reverse them. Both run inside the paying or refunding transaction.
 */
@ApplicationScoped
public class ReferralService {
    @Inject
    ReferralRulesService rulesService;
    @Inject
    CustomerService customers;
    @Inject
    PointsService points;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPaid(@Observes OrderPaid paid) {
        if (paid.qualifyingSpend() <= 0 || Referral.findById(paid.customerId()) != null) {
            return;
        }
        UUID referrerId = customers.referrerOf(paid.customerId());
        if (referrerId == null || !isFirstPayment(paid)) {
            return;
        }
        ReferralRules rules = rulesService.rules().orElse(null);
        long minimum = rules == null ? 0 : rules.minimumSpend;
        // Two first payments at once: the second waits for the first's row here and then counts nothing.
        int counted = Panache.getEntityManager().createNativeQuery("INSERT INTO referral (tenant_id, referee_id,"
                        + " referrer_id, order_id, clinic_id, consultant_id, spend, minimum_spend, counted_at) VALUES"
                        + " (:tenant, :referee, :referrer, :order, :clinic, :consultant, :spend, :minimum, :at)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("referee", paid.customerId())
                .setParameter("referrer", referrerId)
                .setParameter("order", paid.orderId())
                .setParameter("clinic", paid.clinicId())
                .setParameter("consultant", paid.consultantId())
                .setParameter("spend", paid.qualifyingSpend())
                .setParameter("minimum", minimum)
                .setParameter("at", paid.paidAt())
                .executeUpdate();
        if (counted == 0) {
            return;
        }
        audit.record("referral.counted", "customer", paid.customerId(),
                Map.of("referrerId", referrerId, "orderId", paid.orderId(), "spend", paid.qualifyingSpend()));
        if (rules == null || paid.qualifyingSpend() < rules.minimumSpend) {
            return;
        }
        reward(rules, paid.customerId(), referrerId, 1, rules.level1Kind, rules.level1Points, paid.paidAt());
        UUID secondLevel = customers.referrerOf(referrerId);
        if (rules.level2Kind != null && secondLevel != null) {
            reward(rules, paid.customerId(), secondLevel, 2, rules.level2Kind, rules.level2Points, paid.paidAt());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRefunded(@Observes OrderRefunded refunded) {
        Referral referral = Referral.<Referral>find("orderId", refunded.orderId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (referral == null || ReferralRefund.findById(refunded.refundId()) != null) {
            return;
        }
        ReferralRefund refund = new ReferralRefund();
        refund.refundId = refunded.refundId();
        refund.refereeId = referral.refereeId;
        refund.moneyReturned = refunded.moneyReturned();
        refund.refundedAt = refunded.refundedAt();
        refund.persistAndFlush();
        long returned = ReferralRefund.<ReferralRefund>list("refereeId", referral.refereeId).stream()
                .mapToLong(r -> r.moneyReturned).sum();
        long cleared = referral.spend - returned;
        if (cleared > 0 && cleared >= referral.minimumSpend) {
            return;
        }
        for (ReferralReward reward : ReferralReward.<ReferralReward>list("refereeId = ?1 and status = ?2",
                referral.refereeId, ReferralReward.Status.PAID)) {
            reverse(reward, refunded.refundedAt());
        }
    }

    /** Her referrer, the two levels she brought, her counted referrals this member year and her rewards. */
    public CustomerReferralsView of(UUID customerId) {
        CustomerView customer = customers.get(customerId);
        List<Referee> level1 = customers.refereesOf(List.of(customerId));
        List<Referee> level2 = customers.refereesOf(level1.stream().map(Referee::id).toList());
        Set<UUID> everyone = new HashSet<>();
        level1.forEach(r -> everyone.add(r.id()));
        level2.forEach(r -> everyone.add(r.id()));
        Map<UUID, OffsetDateTime> countedAt = everyone.isEmpty() ? Map.of()
                : Referral.<Referral>list("refereeId in ?1", everyone).stream()
                .collect(Collectors.toMap(r -> r.refereeId, r -> r.countedAt));
        Map<UUID, List<RefereeNode>> below = level2.stream().collect(Collectors.groupingBy(Referee::referrerId,
                Collectors.mapping(r -> node(r, countedAt, List.of()), Collectors.toList())));
        List<RefereeNode> referees = level1.stream()
                .map(r -> node(r, countedAt, below.getOrDefault(r.id(), List.of()))).toList();
        ReferrerNode referrer = customer.referrer() == null ? null : new ReferrerNode(customer.referrer().customerId(),
                customer.referrer().name(), customer.referrer().attachedAt());
        OffsetDateTime memberYearFrom = memberYearFrom(customer.firstPurchaseAt());
        long countedThisYear = memberYearFrom == null
                ? Referral.count("referrerId", customerId)
                : Referral.count("referrerId = ?1 and countedAt >= ?2", customerId, memberYearFrom);
        List<ReferralReward> rewards = ReferralReward.<ReferralReward>list(
                "beneficiaryId = ?1 order by paidAt desc, id desc", customerId);
        Map<UUID, String> names = customers.namesOf(rewards.stream().map(r -> r.refereeId).toList());
        return new CustomerReferralsView(customerId, referrer, referees, countedThisYear, memberYearFrom,
                rewards.stream().map(r -> view(r, names)).toList());
    }

    /** Counted referrals whose first payment fell in [from, to), by that payment's clinic or consultant. */
    public Leaderboard leaderboard(LeaderboardBy by, OffsetDateTime from, OffsetDateTime to) {
        String key = by == LeaderboardBy.CLINIC ? "r.clinic_id" : "r.consultant_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT " + key + ", count(*),"
                        + " sum(r.spend), coalesce(sum((SELECT sum(w.points) FROM referral_reward w WHERE w.tenant_id"
                        + " = r.tenant_id AND w.referee_id = r.referee_id AND w.status = 'PAID')), 0) FROM referral r"
                        + " WHERE r.tenant_id = :tenant AND r.counted_at >= :from AND r.counted_at < :to"
                        + (by == LeaderboardBy.CONSULTANT ? " AND r.consultant_id IS NOT NULL" : "")
                        + " GROUP BY " + key + " ORDER BY count(*) DESC, sum(r.spend) DESC, " + key)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        Function<Object, UUID> id = o -> (UUID) o;
        return new Leaderboard(by, from, to, rows.stream().map(r -> new LeaderboardRow(
                by == LeaderboardBy.CLINIC ? id.apply(r[0]) : null,
                by == LeaderboardBy.CONSULTANT ? id.apply(r[0]) : null,
                ((Number) r[1]).longValue(), rulesService.money(((Number) r[2]).longValue()),
                ((Number) r[3]).longValue())).toList());
    }

    /** Her first paid order: the purchase this payment recorded is her earliest. */
    private boolean isFirstPayment(OrderPaid paid) {
        OffsetDateTime first = customers.get(paid.customerId()).firstPurchaseAt();
        return first == null || !first.isBefore(paid.paidAt());
    }

    private void reward(ReferralRules rules, UUID refereeId, UUID beneficiaryId, int level, RewardKind kind,
                        long amount, OffsetDateTime at) {
        // Rewards of one beneficiary queue here, so two referrals at once cannot both take the cap's last place.
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "referral-reward:" + tenantContext.tenantId() + ":" + beneficiaryId)
                .getSingleResult();
        if (rules.monthlyCap != null && rewardedThisMonth(beneficiaryId, at) >= rules.monthlyCap) {
            audit.record("referral-reward.capped", "customer", beneficiaryId,
                    Map.of("refereeId", refereeId, "level", level, "monthlyCap", rules.monthlyCap));
            return;
        }
        ReferralReward reward = new ReferralReward();
        reward.id = Ids.newId();
        reward.refereeId = refereeId;
        reward.beneficiaryId = beneficiaryId;
        reward.level = level;
        reward.kind = kind;
        reward.points = amount;
        reward.status = ReferralReward.Status.PAID;
        reward.paidAt = at;
        reward.persistAndFlush();
        points.creditReward(beneficiaryId, amount, "Referral reward (level " + level + ")", at);
        audit.record("referral-reward.paid", "customer", beneficiaryId,
                Map.of("rewardId", reward.id, "refereeId", refereeId, "level", level, "kind", kind,
                        "points", amount));
    }

    private void reverse(ReferralReward reward, OffsetDateTime at) {
        long taken = points.takeBackReward(reward.beneficiaryId, reward.points,
                "Referral reward reversed (level " + reward.level + "): the referee's first order was refunded", at);
        reward.status = ReferralReward.Status.REVERSED;
        reward.takenBack = taken;
        reward.shortfall = reward.points - taken;
        reward.reversedAt = at;
        reward.persistAndFlush();
        audit.record("referral-reward.reversed", "customer", reward.beneficiaryId,
                Map.of("rewardId", reward.id, "refereeId", reward.refereeId, "takenBack", taken,
                        "shortfall", reward.shortfall));
    }

    private long rewardedThisMonth(UUID beneficiaryId, OffsetDateTime at) {
        ZonedDateTime start = at.atZoneSameInstant(zone()).withDayOfMonth(1).toLocalDate().atStartOfDay(zone());
        return ReferralReward.count("beneficiaryId = ?1 and paidAt >= ?2 and paidAt < ?3", beneficiaryId,
                start.toOffsetDateTime(), start.plusMonths(1).toOffsetDateTime());
    }

    /** The start of her current member year: her first purchase plus whole years (null before she ever paid). */
    private OffsetDateTime memberYearFrom(OffsetDateTime firstPurchase) {
        if (firstPurchase == null) {
            return null;
        }
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime from = firstPurchase;
        while (!from.plusYears(1).isAfter(now)) {
            from = from.plusYears(1);
        }
        return from;
    }

    private ZoneId zone() {
        return ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
    }

    private static RefereeNode node(Referee r, Map<UUID, OffsetDateTime> countedAt, List<RefereeNode> below) {
        return new RefereeNode(r.id(), r.name(), r.referrerAttachedAt(), countedAt.get(r.id()), below);
    }

    private static RewardView view(ReferralReward r, Map<UUID, String> names) {
        return new RewardView(r.id, r.refereeId, names.get(r.refereeId), r.level, r.kind, r.points, r.status,
                r.takenBack, r.shortfall, r.paidAt, r.reversedAt);
    }
}
