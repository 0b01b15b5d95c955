package app.meike.visit;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.catalog.CatalogService.ItemRef;
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
import app.meike.customer.TimelineSource;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.visit.Appointment.AppointmentStatus;
import app.meike.visit.AppointmentDtos.AppointmentArrive;
import app.meike.visit.AppointmentDtos.AppointmentBook;
import app.meike.visit.AppointmentDtos.AppointmentPatch;
import app.meike.visit.AppointmentDtos.AppointmentView;
import app.meike.visit.Visit.VisitPurpose;
import app.meike.visit.VisitDtos.VisitView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** The clinics' booking book: no staff member is booked twice at once, and an arrival becomes a visit. */
@ApplicationScoped
public class AppointmentService implements TimelineSource {
    /** A booking for a moment ago is still "now" (clocks and typing); anything earlier is in the past. */
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);
    private static final int DEFAULT_MINUTES = 30;

    @Inject
    Caller caller;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    CatalogService catalog;
    @Inject
    VisitService visits;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record AppointmentQuery(UUID clinicId, UUID staffId, UUID customerId, AppointmentStatus status,
                                   OffsetDateTime from, OffsetDateTime to) {
    }

    /** Appointments in time order, at the caller's clinics; from/to select those starting in the range. */
    public Page<AppointmentView> list(AppointmentQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("staffId = :staff", "staff", query.staffId())
                .and("customerId = :customer", "customer", query.customerId())
                .and("status = :status", "status", query.status())
                .and("startsAt >= :from", "from", query.from())
                .and("startsAt < :to", "to", query.to())
                .afterPosition("startsAt", "id", page, false);
        List<Appointment> rows = Appointment.<Appointment>find(filter.where() + " order by startsAt, id",
                filter.params()).page(0, page.fetchSize()).list();
        Map<Appointment, AppointmentView> views = views(rows);
        return page.pageByTime(rows, a -> a.startsAt, a -> a.id, views::get);
    }

    public AppointmentView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public AppointmentView book(AppointmentBook request) {
        OffsetDateTime now = Clocks.now(clock);
        clinics.requireWorkplace("clinicId", request.clinicId());
        customers.requireCustomer("customerId", request.customerId());
        ItemRef item = requireItem(request.itemId(), request.clinicId());
        if (request.staffId() != null) {
            staff.requireStaffAt("staffId", request.staffId(), request.clinicId());
        }
        requireFuture(request.startsAt(), now);
        int minutes = request.durationMinutes() != null ? request.durationMinutes()
                : item != null ? item.durationMinutes() : DEFAULT_MINUTES;
        Appointment appointment = new Appointment();
        appointment.id = Ids.newId();
        appointment.customerId = request.customerId();
        appointment.clinicId = request.clinicId();
        appointment.itemId = request.itemId();
        appointment.staffId = request.staffId();
        appointment.startsAt = request.startsAt();
        appointment.endsAt = request.startsAt().plusMinutes(minutes);
        appointment.status = AppointmentStatus.BOOKED;
        appointment.note = Strings.blankToNull(request.note());
        appointment.bookedBy = caller.userId();
        appointment.createdAt = now;
        appointment.updatedAt = now;
        requireStaffFree(appointment);
        appointment.persistAndFlush();
        Map<String, Object> booked = new LinkedHashMap<>();
        booked.put("customerId", appointment.customerId);
        booked.put("clinicId", appointment.clinicId);
        booked.put("startsAt", appointment.startsAt);
        booked.put("endsAt", appointment.endsAt);
        booked.put("staffId", appointment.staffId);
        booked.put("itemId", appointment.itemId);
        audit.record("appointment.booked", "appointment", appointment.id, booked);
        return view(appointment);
    }

    @Transactional
    public AppointmentView reschedule(UUID id, String ifMatch, AppointmentPatch patch) {
        if (patch.startsAt == null && patch.durationMinutes == null && patch.itemId == null && patch.staffId == null
                && patch.note == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        OffsetDateTime now = Clocks.now(clock);
        Appointment appointment = find(id);
        Versions.requireMatch(ifMatch, appointment.version);
        requireOpen(appointment, "changed");
        Changes changes = new Changes();
        if (patch.itemId != null && !Objects.equals(appointment.itemId, patch.itemId.orElse(null))) {
            requireItem(patch.itemId.orElse(null), appointment.clinicId);
            changes.track("itemId", appointment.itemId, patch.itemId.orElse(null));
            appointment.itemId = patch.itemId.orElse(null);
        }
        if (patch.staffId != null && !Objects.equals(appointment.staffId, patch.staffId.orElse(null))) {
            if (patch.staffId.isPresent()) {
                staff.requireStaffAt("staffId", patch.staffId.get(), appointment.clinicId);
            }
            changes.track("staffId", appointment.staffId, patch.staffId.orElse(null));
            appointment.staffId = patch.staffId.orElse(null);
        }
        long minutes = Duration.between(appointment.startsAt, appointment.endsAt).toMinutes();
        if (patch.durationMinutes != null) {
            minutes = patch.durationMinutes.get();
        }
        OffsetDateTime startsAt = patch.startsAt != null ? patch.startsAt.get() : appointment.startsAt;
        if (patch.startsAt != null && !startsAt.isEqual(appointment.startsAt)) {
            requireFuture(startsAt, now);
        }
        OffsetDateTime endsAt = startsAt.plusMinutes(minutes);
        if (!startsAt.isEqual(appointment.startsAt) || !endsAt.isEqual(appointment.endsAt)) {
            changes.track("startsAt", appointment.startsAt, startsAt);
            changes.track("endsAt", appointment.endsAt, endsAt);
            appointment.startsAt = startsAt;
            appointment.endsAt = endsAt;
        }
        if (patch.note != null) {
            String note = Strings.blankToNull(patch.note.orElse(null));
            if (changes.track("note", appointment.note, note)) {
                appointment.note = note;
            }
        }
        if (!changes.isEmpty()) {
            requireStaffFree(appointment);
            appointment.updatedAt = now;
            appointment.persistAndFlush();
            audit.record("appointment.rescheduled", "appointment", appointment.id, changes.asMap());
        }
        return view(appointment);
    }

    /** Confirming twice is harmless: the second answers the confirmed appointment unchanged. */
    @Transactional
    public AppointmentView confirm(UUID id) {
        Appointment appointment = find(id);
        if (appointment.status == AppointmentStatus.CONFIRMED) {
            return view(appointment);
        }
        requireOpen(appointment, "confirmed");
        return moveTo(appointment, AppointmentStatus.CONFIRMED, Map.of());
    }

    @Transactional
    public AppointmentView cancel(UUID id, String reason) {
        Appointment appointment = find(id);
        requireOpen(appointment, "cancelled");
        appointment.cancelReason = reason.trim();
        return moveTo(appointment, AppointmentStatus.CANCELLED, Map.of("reason", appointment.cancelReason));
    }

    @Transactional
    public AppointmentView noShow(UUID id) {
        Appointment appointment = find(id);
        requireOpen(appointment, "marked as a no-show");
        if (Clocks.now(clock).isBefore(appointment.startsAt)) {
            throw ProblemException.conflict("The appointment has not started yet (" + appointment.startsAt
                    + "); it can be marked as a no-show only after that");
        }
        return moveTo(appointment, AppointmentStatus.NO_SHOW, Map.of());
    }

    /** The customer arrived: the appointment becomes a visit, checked in now, with the booked staff member. */
    @Transactional
    public VisitView arrive(UUID id, AppointmentArrive request) {
        Appointment appointment = find(id);
        requireOpen(appointment, "checked in");
        List<UUID> staffIds = request.staffIds() != null ? request.staffIds().stream().distinct().toList()
                : appointment.staffId == null ? List.of() : List.of(appointment.staffId);
        for (int i = 0; i < staffIds.size(); i++) {
            if (!staffIds.get(i).equals(appointment.staffId)) {
                staff.requireStaffAt("staffIds[" + i + "]", staffIds.get(i), appointment.clinicId);
            }
        }
        VisitPurpose purpose = request.purpose() != null ? request.purpose()
                : appointment.itemId != null ? VisitPurpose.TREATMENT : VisitPurpose.CONSULTATION;
        OffsetDateTime now = Clocks.now(clock);
        Visit visit = visits.arrive(appointment.customerId, appointment.clinicId, purpose, now, false, staffIds, null,
                now);
        appointment.visitId = visit.id;
        moveTo(appointment, AppointmentStatus.ARRIVED, Map.of("visitId", visit.id));
        return visits.get(visit.id);
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("startsAt", "id", page, true);
        List<Appointment> rows = Appointment.<Appointment>find(filter.where() + " order by startsAt desc, id desc",
                filter.params()).page(0, page.fetchSize()).list();
        Map<UUID, ItemRef> items = catalog.items(rows.stream().map(a -> a.itemId).filter(Objects::nonNull).toList());
        return rows.stream()
                .map(a -> new TimelineEntry(a.id, TimelineEntry.Kind.APPOINTMENT, a.startsAt, a.clinicId, a.staffId,
                        a.status.name(), a.itemId == null ? null : items.get(a.itemId).name(), a.visitId))
                .toList();
    }

    private AppointmentView moveTo(Appointment appointment, AppointmentStatus status, Map<String, Object> details) {
        OffsetDateTime now = Clocks.now(clock);
        AppointmentStatus from = appointment.status;
        appointment.status = status;
        appointment.statusChangedAt = now;
        appointment.statusChangedBy = caller.userId();
        appointment.updatedAt = now;
        appointment.persistAndFlush();
        Map<String, Object> changes = new LinkedHashMap<>(details);
        changes.put("status", Map.of("from", from, "to", status));
        audit.record("appointment." + status.name().toLowerCase(Locale.ROOT).replace('_', '-'), "appointment", appointment.id,
                changes);
        return view(appointment);
    }

    private static void requireOpen(Appointment appointment, String verb) {
        if (!appointment.status.open()) {
            throw ProblemException.conflict("The appointment is " + appointment.status + " and can no longer be "
                    + verb);
        }
    }

    private void requireFuture(OffsetDateTime startsAt, OffsetDateTime now) {
        if (startsAt.isBefore(now.minus(PAST_TOLERANCE))) {
            throw ProblemException.invalidField("startsAt", "is in the past");
        }
    }

    private ItemRef requireItem(UUID itemId, UUID clinicId) {
        if (itemId == null) {
            return null;
        }
        ItemRef item = catalog.items(List.of(itemId)).get(itemId);
        if (item == null) {
            throw ProblemException.invalidField("itemId", "is not an item of this chain's catalog");
        }
        if (!item.offeredAt(clinicId)) {
            throw ProblemException.invalidField("itemId", item.active() ? "is not offered at this clinic"
                    : "is archived");
        }
        return item;
    }

    /**
     * A clear answer naming the clash; the database's exclusion constraint still decides when two desks book the
     * same slot at the same moment.
     */
    private void requireStaffFree(Appointment appointment) {
        if (appointment.staffId == null) {
            return;
        }
        Appointment.<Appointment>find("staffId = ?1 and id <> ?2 and status in ?3 and startsAt < ?4 and endsAt > ?5",
                        appointment.staffId, appointment.id,
                        List.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED),
                        appointment.endsAt, appointment.startsAt)
                .firstResultOptional()
                .ifPresent(clash -> {
                    throw ProblemException.conflict("This staff member is already booked from " + clash.startsAt
                            + " to " + clash.endsAt + " (appointment " + clash.id + ")");
                });
    }

    /** An appointment at one of the caller's clinics; 404 otherwise, as for an appointment of another chain. */
    private Appointment find(UUID id) {
        return Appointment.<Appointment>findByIdOptional(id)
                .filter(a -> caller.mayWorkIn(a.clinicId))
                .orElseThrow(() -> ProblemException.notFound("Appointment"));
    }

    private AppointmentView view(Appointment appointment) {
        return views(List.of(appointment)).get(appointment);
    }

    private Map<Appointment, AppointmentView> views(List<Appointment> rows) {
        Map<UUID, String> customerNames = customers.namesOf(rows.stream().map(a -> a.customerId).toList());
        Map<UUID, String> staffNames = staff.displayNames(rows.stream().map(a -> a.staffId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<UUID, ItemRef> items = catalog.items(rows.stream().map(a -> a.itemId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Appointment, AppointmentView> views = new LinkedHashMap<>();
        for (Appointment a : rows) {
            ItemRef item = a.itemId == null ? null : items.get(a.itemId);
            views.put(a, new AppointmentView(a.id, a.customerId, customerNames.get(a.customerId), a.clinicId,
                    a.itemId, item == null ? null : item.name(), a.staffId,
                    a.staffId == null ? null : staffNames.get(a.staffId), a.startsAt, a.endsAt, a.status, a.note,
                    a.cancelReason, a.statusChangedAt, a.statusChangedBy, a.visitId, a.bookedBy, a.createdAt,
                    a.updatedAt, a.version));
        }
        return views;
    }
}
