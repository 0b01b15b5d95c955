package app.meike.engagement.referral;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerDtos.CustomerView;
import app.meike.customer.CustomerService;
import app.meike.customer.CustomerService.Referee;
import app.meike.engagement.coupon.CouponIssuing;
import app.meike.engagement.coupon.CouponIssuing.Revocation;
import app.meike.engagement.coupon.CouponSource;
import app.meike.engagement.referral.ReferralDtos.CustomerReferralsView;
import app.meike.engagement.referral.ReferralDtos.Leaderboard;
import app.meike.engagement.referral.ReferralDtos.LeaderboardBy;
import app.meike.engagement.referral.ReferralDtos.LeaderboardRow;
import app.meike.engagement.referral.ReferralDtos.RefereeNode;
import app.meike.engagement.referral.ReferralDtos.ReferrerNode;
import app.meike.engagement.referral.ReferralDtos.Reward;
import app.meike.engagement.referral.ReferralDtos.RewardView;
import app.meike.identity.Caller;
import app.meike.membership.PointsService;
import app.meike.membership.TierRules;
import app.meike.order.OrderEvents.OrderPaid;
import app.meike.order.OrderEvents.OrderRefunded;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.wallet.StoredValueRewards;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Referrals: a referee's first paid order with qualifying spend counts her referral and pays the rule's rewards
 * (points, a coupon or stored-value bonus) to her referrer (level 1) and his referrer (level 2), never further up
 * (deeper chains are pyramid selling), unless a cap holds them back (kept as CAPPED). Refunds that take that order's
 * qualifying spend below the minimum reverse them. Both run inside the paying or refunding transaction.
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
    CouponIssuing coupons;
    @Inject
    StoredValueRewards storedValue;
    @Inject
    Caller caller;
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
        // A change of her referrer at the same moment waits here (or this payment for it), so a reward never goes
        // to the referrer she no longer has.
        lockReferee(paid.customerId());
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
        reward(rules, paid, referrerId, 1, rulesService.level1(rules));
        UUID secondLevel = customers.referrerOf(referrerId);
        if (rules.level2Kind != null && secondLevel != null) {
            reward(rules, paid, secondLevel, 2, rulesService.level2(rules));
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
        refund.qualifyingReturned = refunded.qualifyingReturned();
        refund.refundedAt = refunded.refundedAt();
        refund.persistAndFlush();
        // Qualifying spend, not just external money: an order paid by stored value gives its principal back.
        long returned = ReferralRefund.<ReferralRefund>list("refereeId", referral.refereeId).stream()
                .mapToLong(r -> r.qualifyingReturned != null ? r.qualifyingReturned : r.moneyReturned).sum();
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
        ReferrerChange latest = ReferrerChange.<ReferrerChange>find("customerId = ?1 order by changedAt desc, id desc",
                customerId).firstResult();
        // Evidence belongs to the referrer it was given for; one attached otherwise (at registration) has none.
        String evidence = latest != null && customer.referrer() != null
                && latest.referrerId.equals(customer.referrer().customerId()) ? latest.evidence : null;
        ReferrerNode referrer = customer.referrer() == null ? null : new ReferrerNode(customer.referrer().customerId(),
                customer.referrer().name(), customer.referrer().attachedAt(), customer.referrer().attachedBy(),
                evidence);
        OffsetDateTime memberYearFrom = TierRules.memberYearStart(customer.firstPurchaseAt(), Clocks.now(clock));
        long countedThisYear = memberYearFrom == null
                ? Referral.count("referrerId", customerId)
                : Referral.count("referrerId = ?1 and countedAt >= ?2", customerId, memberYearFrom);
        List<ReferralReward> rewards = ReferralReward.<ReferralReward>list(
                "beneficiaryId = ?1 order by paidAt desc, id desc", customerId);
        Map<UUID, String> names = customers.namesOf(rewards.stream().map(r -> r.refereeId).toList());
        return new CustomerReferralsView(customerId, referrer, referees, countedThisYear, memberYearFrom,
                rewards.stream().map(r -> view(r, names, rulesService::money)).toList());
    }

    /**
     * Sets or changes her referrer with the evidence for it (no cycles: 400). Once a reward for her referral was paid
     * the referral stands as it was counted: a change is a 409 (a refund that reverses the rewards frees it). A
     * counted referral without standing rewards moves to the new referrer. Giving the referrer she has changes nothing.
     */
    @Transactional
    public CustomerReferralsView changeReferrer(UUID customerId, ReferralDtos.ReferrerUpdate change) {
        lockReferee(customerId);
        UUID current = customers.referrerOf(customerId);
        if (change.referrerId().equals(current)) {
            return of(customerId);
        }
        if (ReferralReward.count("refereeId = ?1 and status = ?2", customerId, ReferralReward.Status.PAID) > 0) {
            throw ProblemException.conflict("A reward for this customer's referral was paid to her referrer; her"
                    + " referrer can no longer be changed");
        }
        UUID previous = customers.changeReferrer(customerId, change.referrerId());
        Referral referral = Referral.findById(customerId);
        if (referral != null) {
            referral.referrerId = change.referrerId();
        }
        ReferrerChange recorded = new ReferrerChange();
        recorded.id = Ids.newId();
        recorded.customerId = customerId;
        recorded.previousReferrerId = previous;
        recorded.referrerId = change.referrerId();
        recorded.evidence = change.evidence().trim();
        recorded.changedBy = caller.userId();
        recorded.changedAt = Clocks.now(clock);
        recorded.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousReferrerId", previous);
        details.put("referrerId", change.referrerId());
        details.put("evidence", recorded.evidence);
        audit.record("referral.referrer-changed", "customer", customerId, details);
        return of(customerId);
    }

    /** Counted referrals whose first payment fell in [from, to), by that payment's clinic or consultant. */
    public Leaderboard leaderboard(LeaderboardBy by, OffsetDateTime from, OffsetDateTime to) {
        String key = by == LeaderboardBy.CLINIC ? "r.clinic_id" : "r.consultant_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT " + key + ", count(*),"
                        + " sum(r.spend), coalesce(sum(w.points), 0), coalesce(sum(w.coupons), 0),"
                        + " coalesce(sum(w.bonus), 0) FROM referral r LEFT JOIN LATERAL (SELECT sum(x.points) AS"
                        + " points, count(x.coupon_id) AS coupons, sum(x.amount) AS bonus FROM referral_reward x"
                        + " WHERE x.tenant_id = r.tenant_id AND x.referee_id = r.referee_id AND x.status = 'PAID') w"
                        + " ON true"
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
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                rulesService.money(((Number) r[5]).longValue()))).toList());
    }

    /** Her first paid order: the purchase this payment recorded is her earliest. */
    private boolean isFirstPayment(OrderPaid paid) {
        OffsetDateTime first = customers.get(paid.customerId()).firstPurchaseAt();
        return first == null || !first.isBefore(paid.paidAt());
    }

    private void reward(ReferralRules rules, OrderPaid paid, UUID beneficiaryId, int level, Reward kind) {
        UUID refereeId = paid.customerId();
        OffsetDateTime at = paid.paidAt();
        // Rewards of one beneficiary queue here, so two referrals at once cannot both take the cap's last place.
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "referral-reward:" + tenantContext.tenantId() + ":" + beneficiaryId)
                .getSingleResult();
        ReferralReward reward = new ReferralReward();
        reward.id = Ids.newId();
        reward.refereeId = refereeId;
        reward.beneficiaryId = beneficiaryId;
        reward.level = level;
        reward.kind = kind.kind();
        reward.points = kind.points();
        reward.couponTypeId = kind.couponTypeId();
        reward.amount = kind.amount() == null ? null : kind.amount().amount();
        reward.paidAt = at;
        reward.cappedBy = capReached(rules, beneficiaryId, at);
        String description = "Referral reward (level " + level + ")";
        if (reward.cappedBy != null) {
            reward.status = ReferralReward.Status.CAPPED;
        } else {
            reward.status = ReferralReward.Status.PAID;
            switch (reward.kind) {
                case POINTS -> points.creditReward(beneficiaryId, reward.points, description, at);
                case COUPON -> reward.couponId = coupons.issueFor(beneficiaryId, reward.couponTypeId,
                        CouponSource.REFERRAL_REWARD, sourceRef(reward));
                case STORED_VALUE_BONUS -> reward.storedValueLotId = storedValue.creditBonus(beneficiaryId,
                        reward.amount, paid.clinicId(), sourceRef(reward), description, at);
            }
        }
        reward.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rewardId", reward.id);
        details.put("refereeId", refereeId);
        details.put("level", level);
        details.put("kind", reward.kind);
        details.put("reward", kind);
        if (reward.cappedBy != null) {
            details.put("cappedBy", reward.cappedBy);
        }
        audit.record(reward.cappedBy == null ? "referral-reward.paid" : "referral-reward.capped", "customer",
                beneficiaryId, details);
    }

    private void reverse(ReferralReward reward, OffsetDateTime at) {
        String reason = "Referral reward reversed (level " + reward.level + "): the referee's first order was refunded";
        switch (reward.kind) {
            case POINTS -> {
                long taken = points.takeBackReward(reward.beneficiaryId, reward.points, reason, at);
                reward.takenBack = taken;
                reward.shortfall = reward.points - taken;
            }
            case COUPON -> {
                Revocation revoked = coupons.revokeFor(sourceRef(reward), reason);
                reward.takenBack = (long) revoked.voided();
                reward.shortfall = (long) revoked.alreadyRedeemed();
            }
            case STORED_VALUE_BONUS -> {
                long taken = storedValue.takeBackBonus(reward.storedValueLotId, sourceRef(reward), reason, at);
                reward.takenBack = taken;
                reward.shortfall = reward.amount - taken;
            }
        }
        reward.status = ReferralReward.Status.REVERSED;
        reward.reversedAt = at;
        reward.persistAndFlush();
        audit.record("referral-reward.reversed", "customer", reward.beneficiaryId,
                Map.of("rewardId", reward.id, "refereeId", reward.refereeId, "kind", reward.kind,
                        "takenBack", reward.takenBack, "shortfall", reward.shortfall));
    }

    /** The cap a new reward of hers would pass (month first), or null; capped rewards take no place under a cap. */
    private ReferralReward.Cap capReached(ReferralRules rules, UUID beneficiaryId, OffsetDateTime at) {
        if (rules.monthlyCap != null && rewardedThisMonth(beneficiaryId, at) >= rules.monthlyCap) {
            return ReferralReward.Cap.MONTH;
        }
        if (rules.memberYearCap != null && rewardedThisMemberYear(beneficiaryId, at) >= rules.memberYearCap) {
            return ReferralReward.Cap.MEMBER_YEAR;
        }
        return null;
    }

    private long rewardedThisMonth(UUID beneficiaryId, OffsetDateTime at) {
        ZonedDateTime start = at.atZoneSameInstant(zone()).withDayOfMonth(1).toLocalDate().atStartOfDay(zone());
        return ReferralReward.count("beneficiaryId = ?1 and paidAt >= ?2 and paidAt < ?3 and status <> ?4",
                beneficiaryId, start.toOffsetDateTime(), start.plusMonths(1).toOffsetDateTime(),
                ReferralReward.Status.CAPPED);
    }

    /** Her rewards in the member year holding `at` (all of them before she ever paid: her year has not begun). */
    private long rewardedThisMemberYear(UUID beneficiaryId, OffsetDateTime at) {
        OffsetDateTime from = TierRules.memberYearStart(customers.get(beneficiaryId).firstPurchaseAt(), at);
        return from == null
                ? ReferralReward.count("beneficiaryId = ?1 and status <> ?2", beneficiaryId,
                ReferralReward.Status.CAPPED)
                : ReferralReward.count("beneficiaryId = ?1 and paidAt >= ?2 and paidAt < ?3 and status <> ?4",
                beneficiaryId, from, from.plusYears(1), ReferralReward.Status.CAPPED);
    }

    private void lockReferee(UUID refereeId) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "referral-referee:" + tenantContext.tenantId() + ":" + refereeId)
                .getSingleResult();
    }

    /** The source reference a reward's coupon or stored-value entry carries, so it is issued and revoked once. */
    private static String sourceRef(ReferralReward reward) {
        return "referral-reward:" + reward.id;
    }

    private ZoneId zone() {
        return ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
    }

    private static RefereeNode node(Referee r, Map<UUID, OffsetDateTime> countedAt, List<RefereeNode> below) {
        return new RefereeNode(r.id(), r.name(), r.referrerAttachedAt(), countedAt.get(r.id()), below);
    }

    private static RewardView view(ReferralReward r, Map<UUID, String> names, Function<Long, Money> money) {
        return new RewardView(r.id, r.refereeId, names.get(r.refereeId), r.level, r.kind, r.points,
                r.amount == null ? null : money.apply(r.amount), r.couponTypeId, r.couponId, r.status, r.cappedBy,
                r.takenBack, r.shortfall, r.paidAt, r.reversedAt);
    }
}
