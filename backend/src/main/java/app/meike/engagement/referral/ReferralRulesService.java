package app.meike.engagement.referral;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Versions;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.engagement.coupon.CouponIssuing;
import app.meike.engagement.referral.ReferralDtos.ReferralRulesUpdate;
import app.meike.engagement.referral.ReferralDtos.ReferralRulesView;
import app.meike.engagement.referral.ReferralDtos.Reward;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The chain's referral rules, replaced whole by the tenant admin under If-Match (version 0 before the first). */
@ApplicationScoped
public class ReferralRulesService {
    /** The largest stored-value bonus one reward may credit: 1,000,000.00 in minor units. */
    static final long MAX_BONUS = 100_000_000;

    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    CouponIssuing coupons;
    @Inject
    Clock clock;

    public ReferralRulesView get() {
        return rules().map(this::view).orElseGet(() -> new ReferralRulesView(false, null, null, money(0), null,
                null, null, 0));
    }

    @Transactional
    public ReferralRulesView update(String ifMatch, ReferralRulesUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        if (!update.minimumSpend().currency().equals(currency())) {
            errors.add(new FieldError("minimumSpend.currency", "must be the chain's currency " + currency()));
        }
        requireParameter(errors, "level1", update.level1());
        requireParameter(errors, "level2", update.level2());
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        requireCouponType("level1", update.level1());
        requireCouponType("level2", update.level2());
        OffsetDateTime now = Clocks.now(clock);
        ReferralRules rules = rules().orElse(null);
        Versions.requireMatch(ifMatch, rules == null ? 0 : served(rules));
        boolean created = rules == null;
        if (created) {
            rules = new ReferralRules();
            rules.id = Ids.newId();
            rules.createdAt = now;
        }
        Changes changes = new Changes();
        Reward level1 = stored(update.level1());
        if (changes.track("level1", created ? null : level1(rules), level1)) {
            rules.level1Kind = level1.kind();
            rules.level1Points = level1.points();
            rules.level1CouponTypeId = level1.couponTypeId();
            rules.level1Amount = amountOf(level1);
        }
        Reward level2 = stored(update.level2());
        if (changes.track("level2", created ? null : level2(rules), level2)) {
            rules.level2Kind = level2 == null ? null : level2.kind();
            rules.level2Points = level2 == null ? null : level2.points();
            rules.level2CouponTypeId = level2 == null ? null : level2.couponTypeId();
            rules.level2Amount = level2 == null ? null : amountOf(level2);
        }
        if (changes.track("minimumSpend", created ? null : rules.minimumSpend, update.minimumSpend().amount())) {
            rules.minimumSpend = update.minimumSpend().amount();
        }
        if (changes.track("monthlyCap", rules.monthlyCap, update.monthlyCap())) {
            rules.monthlyCap = update.monthlyCap();
        }
        if (changes.track("memberYearCap", rules.memberYearCap, update.memberYearCap())) {
            rules.memberYearCap = update.memberYearCap();
        }
        if (!changes.isEmpty()) {
            rules.updatedAt = now;
            rules.persistAndFlush();
            audit.record("referral-rules.updated", "settings", rules.id, changes.asMap());
        }
        return view(rules);
    }

    /** A level's reward names exactly its kind's parameter (400 naming the field otherwise). */
    private void requireParameter(List<FieldError> errors, String level, Reward reward) {
        if (reward == null) {
            return;
        }
        Map<String, Boolean> given = new LinkedHashMap<>();
        given.put("points", reward.points() != null);
        given.put("couponTypeId", reward.couponTypeId() != null);
        given.put("amount", reward.amount() != null);
        String needed = switch (reward.kind()) {
            case POINTS -> "points";
            case COUPON -> "couponTypeId";
            case STORED_VALUE_BONUS -> "amount";
        };
        given.forEach((field, present) -> {
            if (field.equals(needed) && !present) {
                errors.add(new FieldError(level + "." + field, "is required for a " + reward.kind() + " reward"));
            } else if (!field.equals(needed) && present) {
                errors.add(new FieldError(level + "." + field, "does not belong to a " + reward.kind() + " reward"));
            }
        });
        Money amount = reward.amount();
        if (needed.equals("amount") && amount != null) {
            if (!amount.currency().equals(currency())) {
                errors.add(new FieldError(level + ".amount.currency", "must be the chain's currency " + currency()));
            }
            if (amount.amount() < 1 || amount.amount() > MAX_BONUS) {
                errors.add(new FieldError(level + ".amount.amount", "must be between 1 and " + MAX_BONUS));
            }
        }
    }

    /** A coupon reward names an active coupon type of the chain (422 otherwise: the request is well formed). */
    private void requireCouponType(String level, Reward reward) {
        if (reward != null && reward.kind() == RewardKind.COUPON && !coupons.isActiveType(reward.couponTypeId())) {
            throw ProblemException.unprocessable(level + ".couponTypeId " + reward.couponTypeId()
                    + " is not an active coupon type of this chain");
        }
    }

    /** The reward as stored and served: only its kind's parameter, the amount in the chain's currency. */
    private Reward stored(Reward reward) {
        return reward == null ? null : switch (reward.kind()) {
            case POINTS -> new Reward(RewardKind.POINTS, reward.points(), null, null);
            case COUPON -> new Reward(RewardKind.COUPON, null, null, reward.couponTypeId());
            case STORED_VALUE_BONUS -> new Reward(RewardKind.STORED_VALUE_BONUS, null,
                    money(reward.amount().amount()), null);
        };
    }

    private static Long amountOf(Reward reward) {
        return reward.amount() == null ? null : reward.amount().amount();
    }

    Reward level1(ReferralRules r) {
        return reward(r.level1Kind, r.level1Points, r.level1CouponTypeId, r.level1Amount);
    }

    Reward level2(ReferralRules r) {
        return reward(r.level2Kind, r.level2Points, r.level2CouponTypeId, r.level2Amount);
    }

    Optional<ReferralRules> rules() {
        return ReferralRules.<ReferralRules>findAll().firstResultOptional();
    }

    Money money(long amount) {
        return new Money(amount, currency());
    }

    private String currency() {
        return tenants.currencyOf(tenantContext.tenantId());
    }

    /** Version 0 means "no rules yet", so the row's versions are served one up: a second first write is a 412. */
    private static long served(ReferralRules rules) {
        return rules.version + 1;
    }

    private Reward reward(RewardKind kind, Long points, UUID couponTypeId, Long amount) {
        return kind == null ? null : new Reward(kind, points, amount == null ? null : money(amount), couponTypeId);
    }

    private ReferralRulesView view(ReferralRules r) {
        return new ReferralRulesView(true, level1(r), level2(r), money(r.minimumSpend), r.monthlyCap,
                r.memberYearCap, r.updatedAt, served(r));
    }
}
