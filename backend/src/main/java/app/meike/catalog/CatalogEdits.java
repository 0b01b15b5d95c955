package app.meike.catalog;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Money;
import app.meike.common.persistence.VersionedEntity;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * What edits of the things the catalog sells (items, pack templates) share: prices in the chain's currency, where
 * they are offered (every clinic of the chain, or these clinics of it), archiving rather than deleting, and saving
 * an edit with its audit entry.
 */
@ApplicationScoped
public class CatalogEdits {
    @Inject
    Caller caller;
    @Inject
    TenantService tenants;
    @Inject
    ClinicService clinics;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record ClinicChoice(boolean allClinics, List<UUID> clinicIds) {
    }

    public String currency() {
        return tenants.currencyOf(caller.tenantId());
    }

    /** A 400 naming `{field}.currency` unless the price is in the chain's currency. */
    public void requireCurrency(String field, Money price) {
        String currency = currency();
        if (!price.currency().equals(currency)) {
            throw ProblemException.invalidField(field + ".currency", "must be the chain's currency " + currency);
        }
    }

    /** The clinics as sent when creating: repeated ids count once; a 400 names what is wrong. */
    public ClinicChoice clinics(boolean allClinics, List<UUID> clinicIds) {
        List<UUID> ids = clinicIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(clinicIds));
        clinics.requireClinicChoice(allClinics, ids);
        return new ClinicChoice(allClinics, ids);
    }

    /**
     * Applies a patch's `allClinics` and `clinicIds` (null when not sent) to the current choice: turning
     * `allClinics` on clears the clinics. Changes are tracked, and `set` is told the new choice when it differs.
     */
    public void patchClinics(Changes changes, boolean allClinics, List<UUID> clinicIds, Optional<Boolean> patchedAll,
                             Optional<List<UUID>> patchedIds, BiConsumer<Boolean, List<UUID>> set) {
        boolean all = patchedAll != null ? patchedAll.get() : allClinics;
        List<UUID> ids = patchedIds != null ? List.copyOf(new LinkedHashSet<>(patchedIds.get()))
                : all ? List.of() : clinicIds;
        clinics.requireClinicChoice(all, ids);
        boolean allChanged = changes.track("allClinics", allClinics, all);
        boolean idsChanged = changes.track("clinicIds", new TreeSet<>(clinicIds), new TreeSet<>(ids));
        if (allChanged || idsChanged) {
            set.accept(all, ids);
        }
    }

    /**
     * Saves an edit that changed something, audited as `{type}.archived` or `.restored` when the patch's `active`
     * (null when not sent) flipped it, else `{type}.updated`.
     */
    public void save(VersionedEntity entity, String type, Changes changes, boolean wasActive,
                     Optional<Boolean> patchedActive) {
        boolean flipped = patchedActive != null && changes.track("active", wasActive, patchedActive.get());
        if (changes.isEmpty()) {
            return;
        }
        entity.updatedAt = Clocks.now(clock);
        entity.persistAndFlush();
        audit.record(type + (!flipped ? ".updated" : patchedActive.get() ? ".restored" : ".archived"), type,
                entity.id, changes.asMap());
    }
}
