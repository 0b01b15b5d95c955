package app.meike.catalog;

import app.meike.audit.AuditLog;
import app.meike.catalog.StoredValuePlanDtos.StoredValuePlanCreate;
import app.meike.catalog.StoredValuePlanDtos.StoredValuePlanPatch;
import app.meike.catalog.StoredValuePlanDtos.StoredValuePlanView;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static app.meike.common.Strings.blankToNull;

/**
 * The chain's stored-value plans. A plan is what is sold; every top-up copies its terms into the lot it makes, so
 * changing or withdrawing a plan never touches value already bought.
 */
@ApplicationScoped
public class StoredValuePlanService {
    @Inject
    CatalogEdits edits;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record PlanQuery(String q, Boolean active, UUID clinicId) {
    }

    /** What the wallet needs to know of a plan it sells. */
    public record PlanRef(UUID id, String name, long price, long value, Integer validityDays, boolean allClinics,
                          List<UUID> clinicIds, LocalDate availableFrom, LocalDate availableUntil, boolean active) {
        public boolean soldAt(UUID clinicId) {
            return allClinics || clinicIds.contains(clinicId);
        }

        /** Active, and `day` (in the chain's time zone) inside its sale window. */
        public boolean onSaleOn(LocalDate day) {
            return active && (availableFrom == null || !day.isBefore(availableFrom))
                    && (availableUntil == null || !day.isAfter(availableUntil));
        }
    }

    public Page<StoredValuePlanView> list(PlanQuery query, PageRequest page) {
        Filter filter = new Filter()
                .containing(query.q(), "name", "code")
                .and("active = :active", "active", query.active())
                .and("allClinics = true or array_contains(clinicIds, :clinicId)", "clinicId", query.clinicId())
                .and("id > :after", "after", page.after());
        List<StoredValuePlan> rows = StoredValuePlan.<StoredValuePlan>find(filter.where() + " order by id",
                filter.params()).page(0, page.fetchSize()).list();
        String currency = edits.currency();
        return page.page(rows, p -> p.id, p -> view(p, currency));
    }

    public StoredValuePlanView get(UUID id) {
        return view(find(id), edits.currency());
    }

    /** The plan with this id in the chain, if any. */
    public Optional<PlanRef> plan(UUID id) {
        return StoredValuePlan.<StoredValuePlan>findByIdOptional(id).map(p -> new PlanRef(p.id, p.name, p.price,
                p.value, p.validityDays, p.allClinics, List.copyOf(p.clinicIds), p.availableFrom, p.availableUntil,
                p.active));
    }

    @Transactional
    public StoredValuePlanView create(StoredValuePlanCreate request) {
        String currency = edits.currency();
        requireTerms(request.price(), request.value(), request.availableFrom(), request.availableUntil(), currency);
        CatalogEdits.ClinicChoice clinicChoice = edits.clinics(request.allClinics(), request.clinicIds());
        if (StoredValuePlan.count("lower(code) = lower(?1)", request.code()) > 0) {
            throw ProblemException.conflict("Plan code '" + request.code() + "' is already used in this chain");
        }
        OffsetDateTime now = Clocks.now(clock);
        StoredValuePlan plan = new StoredValuePlan();
        plan.id = Ids.newId();
        plan.code = request.code();
        plan.name = request.name().trim();
        plan.description = blankToNull(request.description());
        plan.price = request.price().amount();
        plan.value = request.value().amount();
        plan.validityDays = request.validityDays();
        plan.allClinics = clinicChoice.allClinics();
        plan.clinicIds = new ArrayList<>(clinicChoice.clinicIds());
        plan.availableFrom = request.availableFrom();
        plan.availableUntil = request.availableUntil();
        plan.active = true;
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.persistAndFlush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", plan.code);
        created.put("price", plan.price);
        created.put("value", plan.value);
        created.put("validityDays", plan.validityDays);
        audit.record("stored-value-plan.created", "stored-value-plan", plan.id, created);
        return view(plan, currency);
    }

    @Transactional
    public StoredValuePlanView update(UUID id, String ifMatch, StoredValuePlanPatch patch) {
        if (patch.name == null && patch.description == null && patch.price == null && patch.value == null
                && patch.validityDays == null && patch.allClinics == null && patch.clinicIds == null
                && patch.availableFrom == null && patch.availableUntil == null && patch.active == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        StoredValuePlan plan = find(id);
        Versions.requireMatch(ifMatch, plan.version);
        String currency = edits.currency();
        Money price = patch.price != null ? patch.price.get() : new Money(plan.price, currency);
        Money value = patch.value != null ? patch.value.get() : new Money(plan.value, currency);
        LocalDate from = patch.availableFrom != null ? patch.availableFrom.orElse(null) : plan.availableFrom;
        LocalDate until = patch.availableUntil != null ? patch.availableUntil.orElse(null) : plan.availableUntil;
        requireTerms(price, value, from, until, currency);
        Changes changes = new Changes();
        if (patch.name != null && changes.track("name", plan.name, patch.name.get().trim())) {
            plan.name = patch.name.get().trim();
        }
        if (patch.description != null) {
            String description = blankToNull(patch.description.orElse(null));
            if (changes.track("description", plan.description, description)) {
                plan.description = description;
            }
        }
        if (changes.track("price", plan.price, price.amount())) {
            plan.price = price.amount();
        }
        if (changes.track("value", plan.value, value.amount())) {
            plan.value = value.amount();
        }
        if (patch.validityDays != null
                && changes.track("validityDays", plan.validityDays, patch.validityDays.orElse(null))) {
            plan.validityDays = patch.validityDays.orElse(null);
        }
        edits.patchClinics(changes, plan.allClinics, plan.clinicIds, patch.allClinics, patch.clinicIds,
                (allClinics, clinicIds) -> {
                    plan.allClinics = allClinics;
                    plan.clinicIds = new ArrayList<>(clinicIds);
                });
        if (changes.track("availableFrom", plan.availableFrom, from)) {
            plan.availableFrom = from;
        }
        if (changes.track("availableUntil", plan.availableUntil, until)) {
            plan.availableUntil = until;
        }
        boolean wasActive = plan.active;
        if (patch.active != null) {
            plan.active = patch.active.get();
        }
        edits.save(plan, "stored-value-plan", changes, wasActive, patch.active);
        return view(plan, currency);
    }

    /** Price more than zero, value at least the price, both in the chain's currency; a sale window in order. */
    private static void requireTerms(Money price, Money value, LocalDate from, LocalDate until, String currency) {
        List<FieldError> errors = new ArrayList<>();
        if (!price.currency().equals(currency)) {
            errors.add(new FieldError("price.currency", "must be the chain's currency " + currency));
        }
        if (!value.currency().equals(currency)) {
            errors.add(new FieldError("value.currency", "must be the chain's currency " + currency));
        }
        if (price.amount() == 0) {
            errors.add(new FieldError("price.amount", "must be more than zero"));
        }
        if (value.amount() < price.amount()) {
            errors.add(new FieldError("value.amount", "must be at least the price (" + price.amount() + ")"));
        }
        if (from != null && until != null && until.isBefore(from)) {
            errors.add(new FieldError("availableUntil", "must not be before availableFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static StoredValuePlan find(UUID id) {
        return StoredValuePlan.<StoredValuePlan>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Stored-value plan"));
    }

    private static StoredValuePlanView view(StoredValuePlan p, String currency) {
        return new StoredValuePlanView(p.id, p.code, p.name, p.description, new Money(p.price, currency),
                new Money(p.value, currency), new Money(p.value - p.price, currency), p.validityDays, p.allClinics,
                List.copyOf(p.clinicIds), p.availableFrom, p.availableUntil, p.active, p.createdAt, p.updatedAt,
                p.version);
    }
}
