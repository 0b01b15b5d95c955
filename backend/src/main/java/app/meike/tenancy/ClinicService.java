package app.meike.tenancy;

import app.meike.common.persistence.Filter;
import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.problem.Problem;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicDtos.ClinicCreate;
import app.meike.tenancy.ClinicDtos.ClinicPatch;
import app.meike.tenancy.ClinicDtos.ClinicView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The chain's clinics. Staff limited to some clinics see only those; others answer 404. */
@ApplicationScoped
public class ClinicService {
    @Inject
    Caller caller;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public Page<ClinicView> list(String q, Boolean active, PageRequest page) {
        Filter filter = new Filter()
                .containing(q, "name", "code")
                .and("active = :active", "active", active)
                .and("id in :mine", "mine", caller.clinicFilter())
                .and("id > :after", "after", page.after());
        List<Clinic> rows = Clinic.<Clinic>find(filter.where() + " order by id", filter.params())
                .page(0, page.fetchSize()).list();
        return page.page(rows, c -> c.id, ClinicView::of);
    }

    public ClinicView get(UUID id) {
        return ClinicView.of(find(id));
    }

    @Transactional
    public ClinicView create(ClinicCreate request) {
        UUID tenantId = caller.tenantId();
        String zone = Zones.zone("timeZone", request.timeZone(), tenants.timeZoneOf(tenantId));
        requireCodeFree(request.code());
        OffsetDateTime now = Clocks.now(clock);
        Clinic clinic = new Clinic();
        clinic.id = Ids.newId();
        clinic.code = request.code();
        clinic.name = request.name().trim();
        clinic.address = Strings.blankToNull(request.address());
        clinic.phone = Strings.blankToNull(request.phone());
        clinic.timeZone = zone;
        clinic.active = true;
        clinic.createdAt = now;
        clinic.updatedAt = now;
        clinic.persistAndFlush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", clinic.code);
        created.put("name", clinic.name);
        audit.record("clinic.created", "clinic", clinic.id, created);
        return ClinicView.of(clinic);
    }

    @Transactional
    public ClinicView update(UUID id, String ifMatch, ClinicPatch patch) {
        if (patch.name == null && patch.address == null && patch.phone == null && patch.timeZone == null
                && patch.active == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        Clinic clinic = find(id);
        Versions.requireMatch(ifMatch, clinic.version);
        Changes changes = new Changes();
        if (patch.name != null && changes.track("name", clinic.name, patch.name.get().trim())) {
            clinic.name = patch.name.get().trim();
        }
        if (patch.address != null) {
            String address = Strings.blankToNull(patch.address.orElse(null));
            if (changes.track("address", clinic.address, address)) {
                clinic.address = address;
            }
        }
        if (patch.phone != null) {
            String phone = Strings.blankToNull(patch.phone.orElse(null));
            if (changes.track("phone", clinic.phone, phone)) {
                clinic.phone = phone;
            }
        }
        if (patch.timeZone != null) {
            String zone = Zones.zone("timeZone", patch.timeZone.get(), null);
            if (changes.track("timeZone", clinic.timeZone, zone)) {
                clinic.timeZone = zone;
            }
        }
        String action = "clinic.updated";
        if (patch.active != null && changes.track("active", clinic.active, patch.active.get())) {
            clinic.active = patch.active.get();
            action = clinic.active ? "clinic.reopened" : "clinic.closed";
        }
        if (!changes.isEmpty()) {
            clinic.updatedAt = Clocks.now(clock);
            clinic.persistAndFlush();
            audit.record(action, "clinic", id, changes.asMap());
        }
        return ClinicView.of(clinic);
    }

    /**
     * An "every clinic, or these clinics" choice: exactly one of the two, naming clinics of the caller's chain;
     * a 400 naming the field otherwise.
     */
    public void requireClinicChoice(boolean allClinics, List<UUID> clinicIds) {
        if (allClinics && !clinicIds.isEmpty()) {
            throw ProblemException.invalidField("clinicIds", "leave empty when allClinics is true");
        }
        if (!allClinics && clinicIds.isEmpty()) {
            throw ProblemException.invalidField("clinicIds", "name at least one clinic, or set allClinics");
        }
        requireClinics("clinicIds", clinicIds);
    }

    /** Fails with a 400 naming the field unless the id is a clinic of the caller's chain (null passes). */
    public void requireClinic(String field, UUID id) {
        if (id != null && Clinic.count("id", id) == 0) {
            throw ProblemException.invalidField(field, "is not a clinic of this chain");
        }
    }

    /**
     * The clinic where the caller books or receives a customer: a 400 naming the field unless it is an open clinic
     * of the chain, a 403 unless the caller may work there.
     */
    public void requireWorkplace(String field, UUID id) {
        Clinic clinic = Clinic.<Clinic>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalidField(field, "is not a clinic of this chain"));
        if (!clinic.active) {
            throw ProblemException.invalidField(field, "is closed");
        }
        if (!caller.mayWorkIn(id)) {
            throw ProblemException.forbidden("You do not work at clinic " + clinic.name);
        }
    }

    /** A clinic as an import names it: by its code or its id. */
    public record ClinicRef(UUID id, String code, String name) {
    }

    /** Every clinic of the chain, open or closed (an import may bring value sold at a clinic closed since). */
    public List<ClinicRef> all() {
        return Clinic.<Clinic>listAll().stream().map(c -> new ClinicRef(c.id, c.code, c.name)).toList();
    }

    /** Clinic names by id, for labels in reports. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Clinic.<Clinic>find("id in ?1", Set.copyOf(ids)).project(ClinicName.class).list().stream()
                .collect(Collectors.toMap(ClinicName::id, ClinicName::name));
    }

    public record ClinicName(UUID id, String name) {
    }

    /** Fails with a 400 naming each id (by its index in `field`) that is no clinic of the caller's chain. */
    private void requireClinics(String field, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> known = new HashSet<>(Clinic.<Clinic>find("id in ?1", new HashSet<>(ids))
                .project(ClinicId.class).list().stream().map(ClinicId::id).toList());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "is not a clinic of this chain"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    public record ClinicId(UUID id) {
    }

    private Clinic find(UUID id) {
        return Clinic.<Clinic>findByIdOptional(id)
                .filter(c -> caller.mayWorkIn(c.id))
                .orElseThrow(() -> ProblemException.notFound("Clinic"));
    }

    private static void requireCodeFree(String code) {
        Optional<Clinic> holder = Clinic.<Clinic>find("lower(code) = lower(?1)", code).firstResultOptional();
        if (holder.isPresent()) {
            throw ProblemException.conflict("Clinic code '" + code + "' is already used by " + holder.get().name);
        }
    }
}
