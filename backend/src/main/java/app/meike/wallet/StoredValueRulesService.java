package app.meike.wallet;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Versions;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.wallet.StoredValueDtos.StoredValueRulesUpdate;
import app.meike.wallet.StoredValueDtos.StoredValueRulesView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The chain's stored-value rules: read by every top-up, replaced whole by the tenant admin. */
@ApplicationScoped
public class StoredValueRulesService {
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
        StoredValueRules.withDefaults(now).persist();
    }

    public StoredValueRulesView get() {
        return view(rules());
    }

    @Transactional
    public StoredValueRulesView update(String ifMatch, StoredValueRulesUpdate update) {
        StoredValueRules rules = rules();
        Versions.requireMatch(ifMatch, rules.version);
        Changes changes = new Changes();
        if (changes.track("debitOrder", rules.debitOrder, update.debitOrder())) {
            rules.debitOrder = update.debitOrder();
        }
        if (changes.track("reminderDays", rules.reminderDays, update.reminderDays())) {
            rules.reminderDays = update.reminderDays();
        }
        if (!changes.isEmpty()) {
            rules.updatedAt = Clocks.now(clock);
            rules.persistAndFlush();
            audit.record("stored-value-rules.updated", "settings", rules.id, changes.asMap());
        }
        return view(rules);
    }

    /** The rules as the chain set them (always there: created with the chain). */
    StoredValueRules rules() {
        return StoredValueRules.<StoredValueRules>findAll().firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("The chain has no stored-value rules"));
    }

    String currency() {
        return tenants.currencyOf(tenantContext.tenantId());
    }

    ZoneId zone() {
        return ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
    }

    private static StoredValueRulesView view(StoredValueRules r) {
        return new StoredValueRulesView(r.debitOrder, r.reminderDays, r.updatedAt, r.version);
    }
}
