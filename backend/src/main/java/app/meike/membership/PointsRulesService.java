package app.meike.membership;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Money;
import app.meike.common.Versions;
import app.meike.common.problem.Problem;
import app.meike.common.problem.ProblemException;
import app.meike.membership.PointsDtos.PointsExpiry;
import app.meike.membership.PointsDtos.PointsRulesUpdate;
import app.meike.membership.PointsDtos.PointsRulesView;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The chain's points rules: read by every points movement, replaced whole by the tenant admin. */
@ApplicationScoped
public class PointsRulesService {
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Gives a new chain the default rules, in the chain's creating transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createDefaults(OffsetDateTime now) {
        PointsRules.withDefaults(now).persist();
    }

    public PointsRulesView get() {
        return view(rules());
    }

    @Transactional
    public PointsRulesView update(String ifMatch, PointsRulesUpdate update) {
        requireConsistent(update);
        PointsRules rules = rules();
        Versions.requireMatch(ifMatch, rules.version);
        Changes changes = new Changes();
        // Two decimals, as stored, so the answer shows the rate the way every later read will.
        BigDecimal earnRate = update.earnRate().setScale(2, RoundingMode.UNNECESSARY);
        if (changes.track("earnRate", rules.earnRate, earnRate)) {
            rules.earnRate = earnRate;
        }
        if (changes.track("redeemPoints", rules.redeemPoints, update.redeemPoints())) {
            rules.redeemPoints = update.redeemPoints();
        }
        if (changes.track("redeemAmount", rules.redeemAmount, update.redeemAmount().amount())) {
            rules.redeemAmount = update.redeemAmount().amount();
        }
        if (changes.track("allowTender", rules.allowTender, update.allowTender())) {
            rules.allowTender = update.allowTender();
        }
        if (changes.track("expiryPolicy", rules.expiryPolicy, update.expiry().policy())) {
            rules.expiryPolicy = update.expiry().policy();
        }
        if (changes.track("expiryMonths", rules.expiryMonths, update.expiry().months())) {
            rules.expiryMonths = update.expiry().months();
        }
        if (changes.track("reminderDays", rules.reminderDays, update.reminderDays())) {
            rules.reminderDays = update.reminderDays();
        }
        if (!changes.isEmpty()) {
            rules.updatedAt = Clocks.now(clock);
            rules.persistAndFlush();
            audit.record("points-rules.updated", "settings", rules.id, changes.asMap());
        }
        return view(rules);
    }

    /** The rules as the chain set them (always there: created with the chain). */
    PointsRules rules() {
        return PointsRules.<PointsRules>findAll().firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("The chain has no points rules"));
    }

    String currency() {
        return tenants.currencyOf(tenantContext.tenantId());
    }

    int fractionDigits() {
        return Math.max(0, Currency.getInstance(currency()).getDefaultFractionDigits());
    }

    ZoneId zone() {
        return ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
    }

    Money money(long amount) {
        return new Money(amount, currency());
    }

    private void requireConsistent(PointsRulesUpdate update) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (update.redeemAmount().amount() < 1) {
            errors.add(new Problem.FieldError("redeemAmount.amount", "must be at least 1"));
        }
        if (!update.redeemAmount().currency().equals(currency())) {
            errors.add(new Problem.FieldError("redeemAmount.currency", "must be the chain's currency " + currency()));
        }
        PointsExpiry expiry = update.expiry();
        if (expiry.policy() == PointsExpiryPolicy.AFTER_MONTHS && expiry.months() == null) {
            errors.add(new Problem.FieldError("expiry.months", "is required for AFTER_MONTHS"));
        }
        if (expiry.policy() == PointsExpiryPolicy.END_OF_NEXT_YEAR && expiry.months() != null) {
            errors.add(new Problem.FieldError("expiry.months", "must be left out for END_OF_NEXT_YEAR"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private PointsRulesView view(PointsRules r) {
        return new PointsRulesView(r.earnRate, r.redeemPoints, money(r.redeemAmount), r.allowTender,
                new PointsExpiry(r.expiryPolicy, r.expiryMonths), r.reminderDays, r.updatedAt, r.version);
    }
}
