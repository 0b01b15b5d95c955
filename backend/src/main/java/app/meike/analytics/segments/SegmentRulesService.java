package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentRulesUpdate;
import app.meike.analytics.segments.SegmentDtos.SegmentRulesView;
import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The chain's built-in segment definitions, replaced whole by the tenant admin under If-Match (version 0 before the
 * first). Until then the defaults hold: new within 30 days; high value from 50,000.00 spent in the member year or a
 * score of 80; loyal from the second member year with 6 visits in it.
 */
@ApplicationScoped
public class SegmentRulesService {
    record Rules(int newWithinDays, long highValueSpend, int highValueScore, int loyalMemberYears, int loyalVisits) {
        static final Rules DEFAULTS = new Rules(30, 5_000_000, 80, 2, 6);
    }

    @Inject
    Caller caller;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public SegmentRulesView get() {
        return stored().map(this::view).orElseGet(() -> view(Rules.DEFAULTS, false, null, 0));
    }

    Rules inForce() {
        return stored().map(SegmentRulesService::rules).orElse(Rules.DEFAULTS);
    }

    @Transactional
    public SegmentRulesView update(String ifMatch, SegmentRulesUpdate update) {
        if (!update.highValueSpend().currency().equals(currency())) {
            throw ProblemException.invalidField("highValueSpend.currency", "must be the chain's currency, "
                    + currency());
        }
        OffsetDateTime now = Clocks.now(clock);
        SegmentRules row = stored().orElse(null);
        Versions.requireMatch(ifMatch, row == null ? 0 : served(row));
        Rules before = row == null ? Rules.DEFAULTS : rules(row);
        boolean created = row == null;
        if (created) {
            row = new SegmentRules();
            row.id = Ids.newId();
            row.createdAt = now;
        }
        Changes changes = new Changes();
        changes.track("newWithinDays", before.newWithinDays(), update.newWithinDays());
        changes.track("highValueSpend", before.highValueSpend(), update.highValueSpend().amount());
        changes.track("highValueScore", before.highValueScore(), update.highValueScore());
        changes.track("loyalMemberYears", before.loyalMemberYears(), update.loyalMemberYears());
        changes.track("loyalVisits", before.loyalVisits(), update.loyalVisits());
        // The first write stores the rules even when they equal the defaults: the chain has then chosen them.
        if (created || !changes.isEmpty()) {
            row.newWithinDays = update.newWithinDays();
            row.highValueSpend = update.highValueSpend().amount();
            row.highValueScore = update.highValueScore();
            row.loyalMemberYears = update.loyalMemberYears();
            row.loyalVisits = update.loyalVisits();
            row.updatedAt = now;
            row.persistAndFlush();
            audit.record("segment-rules.updated", "settings", row.id, changes.asMap());
        }
        return view(row);
    }

    String currency() {
        return tenants.currencyOf(caller.tenantId());
    }

    private static Optional<SegmentRules> stored() {
        return SegmentRules.<SegmentRules>findAll().firstResultOptional();
    }

    private static Rules rules(SegmentRules r) {
        return new Rules(r.newWithinDays, r.highValueSpend, r.highValueScore, r.loyalMemberYears, r.loyalVisits);
    }

    /** Version 0 means "no rules yet", so the row's versions are served one up: a second first write is a 412. */
    private static long served(SegmentRules row) {
        return row.version + 1;
    }

    private SegmentRulesView view(SegmentRules row) {
        return view(rules(row), true, row.updatedAt, served(row));
    }

    private SegmentRulesView view(Rules r, boolean configured, OffsetDateTime updatedAt, long version) {
        return new SegmentRulesView(configured, r.newWithinDays(), new Money(r.highValueSpend(), currency()),
                r.highValueScore(), r.loyalMemberYears(), r.loyalVisits(), updatedAt, version);
    }
}
