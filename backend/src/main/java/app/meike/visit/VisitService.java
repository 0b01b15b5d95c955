package app.meike.visit;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.customer.CustomerService.WalkIn;
import app.meike.customer.TimelineSource;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.visit.Visit.VisitPurpose;
import app.meike.visit.VisitDtos.CheckedIn;
import app.meike.visit.VisitDtos.VisitCheckIn;
import app.meike.visit.VisitDtos.VisitPatch;
import app.meike.visit.VisitDtos.VisitView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Check-in and check-out at the front desk: every visit counts, with or without a purchase. */
@ApplicationScoped
public class VisitService implements TimelineSource {
    @Inject
    Caller caller;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record VisitQuery(UUID clinicId, UUID customerId, OffsetDateTime from, OffsetDateTime to, Boolean open) {
    }

    /** Visits in check-in order (oldest first), at the caller's clinics. */
    public Page<VisitView> list(VisitQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("customerId = :customer", "customer", query.customerId())
                .and("checkedInAt >= :from", "from", query.from())
                .and("checkedInAt < :to", "to", query.to())
                .afterPosition("checkedInAt", "id", page, false);
        if (query.open() != null) {
            filter.and(query.open() ? "checkedOutAt is null" : "checkedOutAt is not null", Map.of());
        }
        List<Visit> rows = Visit.<Visit>find(filter.where() + " order by checkedInAt, id", filter.params())
                .page(0, page.fetchSize()).list();
        return page.pageByTime(rows, v -> v.checkedInAt, v -> v.id, views(rows)::get);
    }

    /** What other features need of a visit of the chain, whichever clinic it is at (they decide who may use it). */
    public record VisitRef(UUID id, UUID customerId, UUID clinicId, OffsetDateTime checkedInAt) {
    }

    public Optional<VisitRef> visitRef(UUID id) {
        return Visit.<Visit>findByIdOptional(id).map(v -> new VisitRef(v.id, v.customerId, v.clinicId,
                v.checkedInAt));
    }

    public VisitView get(UUID id) {
        Visit visit = find(id);
        return views(List.of(visit)).get(visit);
    }

    @Transactional
    public CheckedIn checkIn(VisitCheckIn request) {
        if ((request.customerId() == null) == (request.newCustomer() == null)) {
            throw ProblemException.invalidField("customerId", "name the customer, or send newCustomer for a walk-in");
        }
        clinics.requireWorkplace("clinicId", request.clinicId());
        List<UUID> staffIds = distinct(request.staffIds());
        requireStaff(staffIds, request.clinicId(), Set.of());
        WalkIn customer;
        if (request.customerId() != null) {
            customers.requireCustomer("customerId", request.customerId());
            customer = new WalkIn(request.customerId(), false);
        } else {
            try {
                customer = customers.findOrRegister(request.newCustomer());
            } catch (ProblemException e) {
                throw e.nestedIn("newCustomer");
            }
        }
        OffsetDateTime now = Clocks.now(clock);
        Visit visit = arrive(customer.customerId(), request.clinicId(), request.purpose(),
                request.checkedInAt() == null ? now : request.checkedInAt(), true, staffIds, request.note(), now);
        return new CheckedIn(get(visit.id), customer.registered());
    }

    /** The customer arrives: a visit starts, and her first and last visit times move. */
    @Transactional(Transactional.TxType.MANDATORY)
    Visit arrive(UUID customerId, UUID clinicId, VisitPurpose purpose, OffsetDateTime at, boolean walkIn,
                 List<UUID> staffIds, String note, OffsetDateTime now) {
        Visit.<Visit>find("customerId = ?1 and checkedOutAt is null", customerId).firstResultOptional()
                .ifPresent(open -> {
                    throw ProblemException.conflict("This customer is still checked in since " + open.checkedInAt
                            + " (visit " + open.id + "); check that visit out first");
                });
        Visit visit = new Visit();
        visit.id = Ids.newId();
        visit.customerId = customerId;
        visit.clinicId = clinicId;
        visit.purpose = purpose;
        visit.checkedInAt = at;
        visit.walkIn = walkIn;
        visit.note = Strings.blankToNull(note);
        visit.checkedInBy = caller.userId();
        visit.createdAt = now;
        visit.updatedAt = now;
        visit.persist();
        staffIds.forEach(staffId -> VisitStaff.of(visit.id, staffId).persist());
        Visit.flush();
        customers.recordVisit(customerId, at);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("customerId", customerId);
        details.put("clinicId", clinicId);
        details.put("purpose", purpose);
        details.put("checkedInAt", at);
        audit.record("visit.checked-in", "visit", visit.id, details);
        return visit;
    }

    @Transactional
    public VisitView checkOut(UUID id, OffsetDateTime at) {
        Visit visit = find(id);
        if (visit.checkedOutAt != null) {
            throw ProblemException.conflict("This visit was already checked out at " + visit.checkedOutAt);
        }
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime out = at == null ? now : at;
        if (out.isBefore(visit.checkedInAt)) {
            throw ProblemException.invalidField("checkedOutAt", "must not be before the check-in at "
                    + visit.checkedInAt);
        }
        visit.checkedOutAt = out;
        visit.updatedAt = now;
        visit.persistAndFlush();
        audit.record("visit.checked-out", "visit", visit.id, Map.of("checkedOutAt", out));
        return get(visit.id);
    }

    @Transactional
    public VisitView update(UUID id, String ifMatch, VisitPatch patch) {
        if (patch.purpose == null && patch.staffIds == null && patch.note == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        Visit visit = find(id);
        Versions.requireMatch(ifMatch, visit.version);
        Changes changes = new Changes();
        if (patch.purpose != null && changes.track("purpose", visit.purpose, patch.purpose.get())) {
            visit.purpose = patch.purpose.get();
        }
        if (patch.staffIds != null) {
            List<UUID> wanted = distinct(patch.staffIds.get());
            Set<UUID> had = staffOf(List.of(visit.id)).getOrDefault(visit.id, Set.of());
            if (changes.track("staffIds", new TreeSet<>(had), new TreeSet<>(wanted))) {
                requireStaff(wanted, visit.clinicId, had);
                List<UUID> added = wanted.stream().filter(s -> !had.contains(s)).toList();
                VisitStaff.<VisitStaff>find("key.visitId", visit.id).stream()
                        .filter(link -> !wanted.contains(link.key.staffId()))
                        .forEach(VisitStaff::delete);
                added.forEach(staffId -> VisitStaff.of(visit.id, staffId).persist());
            }
        }
        if (patch.note != null) {
            String note = Strings.blankToNull(patch.note.orElse(null));
            // Notes may hold health information: the audit log says that they changed, not what they say.
            if (!Objects.equals(visit.note, note)) {
                changes.track("note", visit.note == null ? null : "(earlier note)", note == null ? null : "(new note)");
                visit.note = note;
            }
        }
        if (!changes.isEmpty()) {
            visit.updatedAt = Clocks.now(clock);
            visit.persistAndFlush();
            audit.record("visit.updated", "visit", visit.id, changes.asMap());
        }
        return get(visit.id);
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("checkedInAt", "id", page, true);
        List<Visit> rows = Visit.<Visit>find(filter.where() + " order by checkedInAt desc, id desc", filter.params())
                .page(0, page.fetchSize()).list();
        return rows.stream()
                .map(v -> new TimelineEntry(v.id, TimelineEntry.Kind.VISIT, v.checkedInAt, v.clinicId, null,
                        v.checkedOutAt == null ? "CHECKED_IN" : "CHECKED_OUT", v.purpose.name(), v.id))
                .toList();
    }

    /** A visit at one of the caller's clinics; 404 otherwise, as for a visit of another chain. */
    Visit find(UUID id) {
        return Visit.<Visit>findByIdOptional(id)
                .filter(v -> caller.mayWorkIn(v.clinicId))
                .orElseThrow(() -> ProblemException.notFound("Visit"));
    }

    /** Staff newly named on a visit must work at its clinic; those already on it stay, even if since disabled. */
    private void requireStaff(List<UUID> staffIds, UUID clinicId, Set<UUID> alreadyOnVisit) {
        for (int i = 0; i < staffIds.size(); i++) {
            if (!alreadyOnVisit.contains(staffIds.get(i))) {
                staff.requireStaffAt("staffIds[" + i + "]", staffIds.get(i), clinicId);
            }
        }
    }

    private Map<Visit, VisitView> views(List<Visit> visits) {
        List<UUID> ids = visits.stream().map(v -> v.id).toList();
        Map<UUID, Set<UUID>> staffByVisit = staffOf(ids);
        Map<UUID, UUID> appointmentByVisit = ids.isEmpty() ? Map.of()
                : Appointment.<Appointment>find("visitId in ?1", ids).stream()
                .collect(Collectors.toMap(a -> a.visitId, a -> a.id));
        Map<UUID, String> names = customers.namesOf(visits.stream().map(v -> v.customerId).toList());
        Map<Visit, VisitView> views = new LinkedHashMap<>();
        for (Visit v : visits) {
            views.put(v, new VisitView(v.id, v.customerId, names.get(v.customerId), v.clinicId, v.purpose,
                    v.checkedInAt, v.checkedOutAt, v.walkIn, appointmentByVisit.get(v.id),
                    List.copyOf(new TreeSet<>(staffByVisit.getOrDefault(v.id, Set.of()))), v.note, v.checkedInBy,
                    v.createdAt, v.updatedAt, v.version));
        }
        return views;
    }

    private static Map<UUID, Set<UUID>> staffOf(Collection<UUID> visitIds) {
        if (visitIds.isEmpty()) {
            return Map.of();
        }
        return VisitStaff.<VisitStaff>find("key.visitId in ?1", visitIds).stream()
                .map(link -> link.key)
                .collect(Collectors.groupingBy(VisitStaff.Key::visitId,
                        Collectors.mapping(VisitStaff.Key::staffId, Collectors.toSet())));
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }
}
