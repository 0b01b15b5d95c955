package app.meike.engagement.satisfaction;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.customer.TimelineSource;
import app.meike.engagement.satisfaction.Complaint.Category;
import app.meike.engagement.satisfaction.Complaint.Severity;
import app.meike.engagement.satisfaction.Complaint.Status;
import app.meike.engagement.satisfaction.LowScores.Assessment;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintCreate;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintReassignment;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintStatusChange;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintView;
import app.meike.engagement.satisfaction.SatisfactionEvents.ComplaintOpened;
import app.meike.engagement.satisfaction.SatisfactionEvents.ComplaintResolved;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.visit.VisitService;
import app.meike.visit.VisitService.VisitRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Complaints (客怨) at the caller's clinics. A low survey opens one by itself, owned by the clinic's manager (one who
 * works there, else a chain-wide one), else the visit's consultant, else nobody until a manager assigns it: the
 * manager, not the consultant whose work may be the complaint, answers for it. Staff open others by hand. Every
 * change is audited and the complaint is on the customer's timeline.
 */
@ApplicationScoped
public class ComplaintService implements TimelineSource {
    @Inject
    Caller caller;
    @Inject
    SatisfactionRulesService rules;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    VisitService visits;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<ComplaintOpened> opened;
    @Inject
    Event<ComplaintResolved> resolved;

    public record ComplaintQuery(Status status, Severity severity, Boolean overdue, UUID clinicId, UUID customerId,
                                 UUID ownerId) {
    }

    /** Complaints by due time (then id), the most urgent first. */
    public Page<ComplaintView> list(ComplaintQuery query, PageRequest page) {
        OffsetDateTime now = Clocks.now(clock);
        Filter filter = new Filter()
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .and("status = :status", "status", query.status())
                .and("severity = :severity", "severity", query.severity())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("customerId = :customer", "customer", query.customerId())
                .and("ownerId = :owner", "owner", query.ownerId())
                .afterPosition("dueAt", "id", page, false);
        if (query.overdue() != null) {
            filter.and(query.overdue() ? "status in :active and dueAt < :now"
                    : "(status not in :active or dueAt >= :now)", Map.of("active", List.of(Status.OPEN,
                    Status.IN_PROGRESS), "now", now));
        }
        List<Complaint> rows = Complaint.<Complaint>find(filter.where() + " order by dueAt, id", filter.params())
                .page(0, page.fetchSize()).list();
        Page<Complaint> shown = page.pageByTime(rows, c -> c.dueAt, c -> c.id, Function.identity());
        return new Page<>(views(shown.items()), shown.nextCursor());
    }

    public ComplaintView get(UUID id) {
        return view(find(id, LockModeType.NONE));
    }

    @Transactional
    public ComplaintView open(ComplaintCreate request) {
        customers.requireCustomer("customerId", request.customerId());
        clinics.requireWorkplace("clinicId", request.clinicId());
        if (request.visitId() != null) {
            VisitRef visit = visits.visitRef(request.visitId())
                    .filter(v -> v.customerId().equals(request.customerId()) && caller.mayWorkIn(v.clinicId()))
                    .orElseThrow(() -> ProblemException.invalidField("visitId", "is not a visit of this customer at"
                            + " your clinics"));
            if (!visit.clinicId().equals(request.clinicId())) {
                throw ProblemException.invalidField("visitId", "was at another clinic");
            }
        }
        if (request.ownerId() != null) {
            staff.requireStaffAt("ownerId", request.ownerId(), request.clinicId());
        }
        UUID owner = request.ownerId() != null ? request.ownerId()
                : staff.firstManagerAt(request.clinicId()).orElse(null);
        Complaint complaint = insert(request.customerId(), request.clinicId(), request.visitId(), null,
                request.severity(), request.category(), request.description().strip(), owner, caller.userId());
        audit.record("complaint.opened", "complaint", complaint.id, openedDetails(complaint));
        return view(complaint);
    }

    /** The complaint a low survey opens, in the survey's transaction (the caller may be the customer, not staff). */
    @Transactional(Transactional.TxType.MANDATORY)
    void openForSurvey(Survey survey, Assessment assessment, String actorId) {
        UUID owner = staff.firstManagerAt(survey.clinicId).orElse(survey.consultantId);
        Complaint complaint = insert(survey.customerId, survey.clinicId, survey.visitId, survey.id,
                assessment.severity(), assessment.category(), survey.comment, owner, null);
        audit.recordAs(actorId, null, "complaint.opened", "complaint", complaint.id, openedDetails(complaint));
    }

    @Transactional
    public ComplaintView changeStatus(UUID id, ComplaintStatusChange change) {
        Complaint complaint = find(id, LockModeType.PESSIMISTIC_WRITE);
        Status next = change.status();
        if (!complaint.status.mayBecome(next)) {
            throw ProblemException.conflict("A complaint that is " + complaint.status + " cannot become " + next);
        }
        String note = Strings.blankToNull(change.note());
        boolean closingUnresolved = next == Status.CLOSED && complaint.status != Status.RESOLVED;
        if (note == null && (next == Status.RESOLVED || closingUnresolved)) {
            throw ProblemException.invalidField("note", next == Status.RESOLVED ? "say how it was resolved"
                    : "say why it is closed without a resolution");
        }
        OffsetDateTime now = Clocks.now(clock);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", complaint.status);
        details.put("to", next);
        complaint.status = next;
        if (next == Status.RESOLVED || closingUnresolved) {
            complaint.resolutionNote = note.strip();
            details.put("note", complaint.resolutionNote);
        }
        if (next == Status.RESOLVED) {
            complaint.resolvedAt = now;
            complaint.resolvedBy = caller.staffId();
        }
        if (next == Status.CLOSED) {
            complaint.closedAt = now;
        }
        complaint.updatedAt = now;
        complaint.persistAndFlush();
        audit.record("complaint.status-changed", "complaint", complaint.id, details);
        if (next == Status.RESOLVED) {
            resolved.fire(new ComplaintResolved(complaint.id, complaint.customerId, complaint.clinicId, now));
        }
        return view(complaint);
    }

    @Transactional
    public ComplaintView reassign(UUID id, ComplaintReassignment request) {
        Complaint complaint = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (!complaint.status.isActive()) {
            throw ProblemException.conflict("The complaint is already " + complaint.status.name().toLowerCase());
        }
        staff.requireStaffAt("ownerId", request.ownerId(), complaint.clinicId);
        if (!request.ownerId().equals(complaint.ownerId)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", complaint.ownerId);
            change.put("to", request.ownerId());
            complaint.ownerId = request.ownerId();
            complaint.updatedAt = Clocks.now(clock);
            complaint.persistAndFlush();
            audit.record("complaint.reassigned", "complaint", complaint.id, Map.of("ownerId", change));
        }
        return view(complaint);
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("openedAt", "id", page, true);
        return Complaint.<Complaint>find(filter.where() + " order by openedAt desc, id desc", filter.params())
                .page(0, page.fetchSize()).<Complaint>list().stream()
                .map(c -> new TimelineEntry(c.id, TimelineEntry.Kind.COMPLAINT, c.openedAt, c.clinicId, c.ownerId,
                        c.status.name(), c.severity.name() + " " + c.category.name(), c.visitId))
                .toList();
    }

    /** The complaint a survey opened, by survey id. */
    Map<UUID, UUID> idsOfSurveys(List<UUID> surveyIds) {
        if (surveyIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> ids = new LinkedHashMap<>();
        Complaint.<Complaint>list("surveyId in ?1", surveyIds).forEach(c -> ids.put(c.surveyId, c.id));
        return ids;
    }

    private ComplaintView view(Complaint complaint) {
        return views(List.of(complaint)).get(0);
    }

    private Complaint insert(UUID customerId, UUID clinicId, UUID visitId, UUID surveyId, Severity severity,
                             Category category, String description, UUID ownerId, String openedBy) {
        OffsetDateTime now = Clocks.now(clock);
        Complaint c = new Complaint();
        c.id = Ids.newId();
        c.customerId = customerId;
        c.clinicId = clinicId;
        c.visitId = visitId;
        c.surveyId = surveyId;
        c.severity = severity;
        c.category = category;
        c.status = Status.OPEN;
        c.ownerId = ownerId;
        c.description = Strings.blankToNull(description);
        c.openedAt = now;
        c.openedBy = openedBy;
        c.dueAt = now.plus(rules.inForce().sla(severity));
        c.createdAt = now;
        c.updatedAt = now;
        c.persistAndFlush();
        opened.fire(new ComplaintOpened(c.id, customerId, clinicId, surveyId, severity, category, now));
        return c;
    }

    private static Map<String, Object> openedDetails(Complaint c) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("customerId", c.customerId);
        details.put("surveyId", c.surveyId);
        details.put("severity", c.severity);
        details.put("category", c.category);
        details.put("ownerId", c.ownerId);
        details.put("dueAt", c.dueAt.toString());
        return details;
    }

    /** A complaint at one of the caller's clinics; changes lock it, so of two resolutions at once one wins. */
    private Complaint find(UUID id, LockModeType lock) {
        return Complaint.<Complaint>findByIdOptional(id, lock)
                .filter(c -> caller.mayWorkIn(c.clinicId))
                .orElseThrow(() -> ProblemException.notFound("Complaint"));
    }

    private List<ComplaintView> views(List<Complaint> rows) {
        OffsetDateTime now = Clocks.now(clock);
        Map<UUID, String> customerNames = customers.namesOf(rows.stream().map(c -> c.customerId).toList());
        Map<UUID, String> clinicNames = clinics.names(rows.stream().map(c -> c.clinicId).toList());
        Map<UUID, String> staffNames = staff.displayNames(rows.stream().flatMap(c -> Stream.of(c.ownerId,
                c.resolvedBy)).filter(Objects::nonNull).toList());
        return rows.stream().map(c -> new ComplaintView(c.id, c.customerId, customerNames.get(c.customerId),
                c.clinicId, clinicNames.get(c.clinicId), c.visitId, c.surveyId, c.severity, c.category, c.status,
                c.ownerId, c.ownerId == null ? null : staffNames.get(c.ownerId), c.description, c.resolutionNote,
                c.openedAt, c.openedBy, c.dueAt, c.status.isActive() && c.dueAt.isBefore(now), c.resolvedAt,
                c.resolvedBy, c.closedAt, c.updatedAt, c.version)).toList();
    }
}
