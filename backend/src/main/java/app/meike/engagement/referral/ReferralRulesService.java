package app.meike.engagement.referral;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
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
import java.util.Optional;

/** The chain's referral rules, replaced whole by the tenant admin under If-Match (version 0 before the first). */
@ApplicationScoped
public class ReferralRulesService {
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public ReferralRulesView get() {
        return rules().map(this::view).orElseGet(() -> new ReferralRulesView(false, null, null, money(0), null,
                null, 0));
    }

    @Transactional
    public ReferralRulesView update(String ifMatch, ReferralRulesUpdate update) {
        if (!update.minimumSpend().currency().equals(currency())) {
            throw ProblemException.invalidField("minimumSpend.currency", "must be the chain's currency " + currency());
        }
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
        if (changes.track("level1", created ? null : reward(rules.level1Kind, rules.level1Points), update.level1())) {
            rules.level1Kind = update.level1().kind();
            rules.level1Points = update.level1().points();
        }
        if (changes.track("level2", created ? null : reward(rules.level2Kind, rules.level2Points), update.level2())) {
            rules.level2Kind = update.level2() == null ? null : update.level2().kind();
            rules.level2Points = update.level2() == null ? null : update.level2().points();
        }
        if (changes.track("minimumSpend", created ? null : rules.minimumSpend, update.minimumSpend().amount())) {
            rules.minimumSpend = update.minimumSpend().amount();
        }
        if (changes.track("monthlyCap", rules.monthlyCap, update.monthlyCap())) {
            rules.monthlyCap = update.monthlyCap();
        }
        if (!changes.isEmpty()) {
            rules.updatedAt = now;
            rules.persistAndFlush();
            audit.record("referral-rules.updated", "settings", rules.id, changes.asMap());
        }
        return view(rules);
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

    private static Reward reward(RewardKind kind, Long points) {
        return kind == null ? null : new Reward(kind, points);
    }

    private ReferralRulesView view(ReferralRules r) {
        return new ReferralRulesView(true, reward(r.level1Kind, r.level1Points), reward(r.level2Kind, r.level2Points),
                money(r.minimumSpend), r.monthlyCap, r.updatedAt, served(r));
    }
}
