package app.meike.analytics.standards;

import app.meike.analytics.standards.StandardsDtos.StandardsRulesUpdate;
import app.meike.analytics.standards.StandardsDtos.StandardsRulesView;
import app.meike.analytics.standards.StandardsDtos.StandardsTargets;
import app.meike.analytics.standards.StandardsDtos.StandardsWeights;
import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The chain's targets and weights, replaced whole by the tenant admin under If-Match (version 0 before the first).
 * Until then the defaults of the SQL function member_standards_rules_of hold (spend 100,000.00, 4 items, 12 visits,
 * 2 referrals, satisfaction 4.5, equal weights): scores are computed in SQL, so the defaults live there alone.
 */
@ApplicationScoped
public class StandardsRulesService {
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;

    /** The rules in force as targets and weights. */
    record Rules(long spendTarget, int itemsTarget, int visitsTarget, int referralsTarget,
                 BigDecimal satisfactionTarget, int spendWeight, int itemsWeight, int visitsWeight,
                 int referralsWeight, int satisfactionWeight) {
    }

    public StandardsRulesView get() {
        Optional<MemberStandardsRules> row = stored();
        return view(inForce(), row.isPresent(), row.map(r -> r.updatedAt).orElse(null), row.map(r -> served(r))
                .orElse(0L));
    }

    Rules inForce() {
        Object[] r = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT * FROM member_standards_rules_of(:tenant)")
                .setParameter("tenant", tenantContext.tenantId())
                .getSingleResult();
        return new Rules(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), ((BigDecimal) r[4]).setScale(2), ((Number) r[5]).intValue(),
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue());
    }

    @Transactional
    public StandardsRulesView update(String ifMatch, StandardsRulesUpdate update) {
        // Two first writes at once would both find no row: the chain's rules are written one at a time.
        Panache.getEntityManager()
                .createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended('member_standards_rules/'"
                        + " || CAST(:tenant AS text), 0)))")
                .setParameter("tenant", tenantContext.tenantId())
                .getSingleResult();
        MemberStandardsRules row = stored().orElse(null);
        Versions.requireMatch(ifMatch, row == null ? 0 : served(row));
        StandardsTargets targets = update.targets();
        StandardsWeights weights = update.weights();
        String currency = tenants.currencyOf(caller.tenantId());
        if (!currency.equals(targets.spend().currency())) {
            throw ProblemException.invalidField("targets.spend.currency", "must be the chain's currency, " + currency);
        }
        if (targets.spend().amount() < 1) {
            throw ProblemException.invalidField("targets.spend.amount", "must be at least 1");
        }
        if (weights.spend() + weights.items() + weights.visits() + weights.referrals() == 0) {
            throw ProblemException.invalidField("weights", "spend, items, visits and referrals may not all weigh 0:"
                    + " satisfaction alone has no score for a member without a survey");
        }
        Rules before = inForce();
        OffsetDateTime now = Clocks.now(clock);
        boolean created = row == null;
        if (created) {
            row = new MemberStandardsRules();
            row.id = Ids.newId();
            row.createdAt = now;
        }
        Changes changes = new Changes();
        changes.track("targets.spend", before.spendTarget(), targets.spend().amount());
        changes.track("targets.items", before.itemsTarget(), targets.items());
        changes.track("targets.visits", before.visitsTarget(), targets.visits());
        changes.track("targets.referrals", before.referralsTarget(), targets.referrals());
        changes.track("targets.satisfaction", before.satisfactionTarget(), targets.satisfaction().setScale(2));
        changes.track("weights.spend", before.spendWeight(), weights.spend());
        changes.track("weights.items", before.itemsWeight(), weights.items());
        changes.track("weights.visits", before.visitsWeight(), weights.visits());
        changes.track("weights.referrals", before.referralsWeight(), weights.referrals());
        changes.track("weights.satisfaction", before.satisfactionWeight(), weights.satisfaction());
        // The first write stores the rules even when they equal the defaults: the chain has then chosen them.
        if (created || !changes.isEmpty()) {
            row.spendTarget = targets.spend().amount();
            row.itemsTarget = targets.items();
            row.visitsTarget = targets.visits();
            row.referralsTarget = targets.referrals();
            row.satisfactionTarget = targets.satisfaction().setScale(2);
            row.spendWeight = weights.spend();
            row.itemsWeight = weights.items();
            row.visitsWeight = weights.visits();
            row.referralsWeight = weights.referrals();
            row.satisfactionWeight = weights.satisfaction();
            row.updatedAt = now;
            row.updatedBy = caller.userId();
            row.persistAndFlush();
            audit.record("member-standards-rules.updated", "settings", row.id, changes.asMap());
        }
        return view(inForce(), true, row.updatedAt, served(row));
    }

    StandardsTargets targets(Rules r) {
        return new StandardsTargets(new Money(r.spendTarget(), tenants.currencyOf(caller.tenantId())),
                r.itemsTarget(), r.visitsTarget(), r.referralsTarget(), r.satisfactionTarget());
    }

    static StandardsWeights weights(Rules r) {
        return new StandardsWeights(r.spendWeight(), r.itemsWeight(), r.visitsWeight(), r.referralsWeight(),
                r.satisfactionWeight());
    }

    private static Optional<MemberStandardsRules> stored() {
        return MemberStandardsRules.<MemberStandardsRules>findAll().firstResultOptional();
    }

    /** Version 0 means "no rules yet", so the row's versions are served one up: a second first write is a 412. */
    private static long served(MemberStandardsRules row) {
        return row.version + 1;
    }

    private StandardsRulesView view(Rules r, boolean configured, OffsetDateTime updatedAt, long version) {
        return new StandardsRulesView(configured, targets(r), weights(r), updatedAt, version);
    }
}
