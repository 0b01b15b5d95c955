package app.meike.engagement.followup;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.persistence.Filter;
import app.meike.customer.CustomerService;
import app.meike.customer.TimelineSource;
import app.meike.engagement.followup.FollowUpDtos.TouchpointCreate;
import app.meike.engagement.followup.FollowUpDtos.TouchpointView;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Contacts with customers (calls, messages, visits, gifts), on her timeline; recorded by staff or by a task's outcome. */
@ApplicationScoped
public class TouchpointService implements TimelineSource {
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

    @Transactional
    public TouchpointView record(TouchpointCreate request) {
        customers.requireCustomer("customerId", request.customerId());
        clinics.requireWorkplace("clinicId", request.clinicId());
        return view(List.of(insert(request, null))).get(0);
    }

    /** A contact (of a task's outcome, or recorded directly) by the caller, at a clinic already checked. */
    @Transactional(Transactional.TxType.MANDATORY)
    Touchpoint insert(TouchpointCreate request, UUID taskId) {
        OffsetDateTime now = Clocks.now(clock);
        Touchpoint t = new Touchpoint();
        t.id = Ids.newId();
        t.customerId = request.customerId();
        t.clinicId = request.clinicId();
        t.staffId = caller.staffId();
        t.channel = request.channel();
        t.taskId = taskId;
        t.outcome = request.outcome();
        t.note = Strings.blankToNull(request.note());
        t.occurredAt = request.occurredAt() != null ? request.occurredAt() : now;
        t.recordedBy = caller.userId();
        t.createdAt = now;
        t.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("customerId", t.customerId);
        details.put("channel", t.channel);
        details.put("taskId", taskId);
        details.put("outcome", t.outcome);
        audit.record("touchpoint.recorded", "touchpoint", t.id, details);
        return t;
    }

    /** Contacts at the caller's clinics, newest first. */
    public Page<TouchpointView> list(UUID customerId, UUID staffId, PageRequest page) {
        Page<Touchpoint> rows = page.pageByTime(newest(customerId, staffId, page), t -> t.occurredAt, t -> t.id,
                Function.identity());
        return new Page<>(view(rows.items()), rows.nextCursor());
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        return newest(customerId, null, page).stream()
                .map(t -> new TimelineEntry(t.id, TimelineEntry.Kind.TOUCHPOINT, t.occurredAt, t.clinicId, t.staffId,
                        t.channel.name(), t.outcome == null ? null : t.outcome.name(), null))
                .toList();
    }

    TouchpointView view(Touchpoint t) {
        return view(List.of(t)).get(0);
    }

    private List<Touchpoint> newest(UUID customerId, UUID staffId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("staffId = :staff", "staff", staffId)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("occurredAt", "id", page, true);
        return Touchpoint.<Touchpoint>find(filter.where() + " order by occurredAt desc, id desc", filter.params())
                .page(0, page.fetchSize()).list();
    }

    private List<TouchpointView> view(List<Touchpoint> rows) {
        Map<UUID, String> names = staff.displayNames(rows.stream().map(t -> t.staffId).filter(Objects::nonNull)
                .toList());
        return rows.stream().map(t -> new TouchpointView(t.id, t.customerId, t.clinicId, t.staffId,
                t.staffId == null ? null : names.get(t.staffId), t.channel, t.taskId, t.outcome, t.note, t.occurredAt,
                t.recordedBy, t.createdAt)).toList();
    }
}
