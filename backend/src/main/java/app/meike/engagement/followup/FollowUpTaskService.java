package app.meike.engagement.followup;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.engagement.followup.FollowUpDtos.FollowUpCancellation;
import app.meike.engagement.followup.FollowUpDtos.FollowUpOutcomeInput;
import app.meike.engagement.followup.FollowUpDtos.FollowUpOutcomeResult;
import app.meike.engagement.followup.FollowUpDtos.FollowUpReassignment;
import app.meike.engagement.followup.FollowUpDtos.FollowUpTaskView;
import app.meike.engagement.followup.FollowUpDtos.FollowUpWorkload;
import app.meike.engagement.followup.FollowUpDtos.TouchpointCreate;
import app.meike.engagement.followup.FollowUpTask.Status;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The work queues. Consultants and the front desk see the tasks assigned to them; managers and chain admins see
 * every task at their clinics (chain-wide tasks, of customers without a home clinic, only when they see all
 * clinics) and assign, reassign or cancel them.
 */
@ApplicationScoped
public class FollowUpTaskService {
    private static final UUID NOBODY = new UUID(0, 0);

    @Inject
    Caller caller;
    @Inject
    FollowUpTasks tasks;
    @Inject
    TouchpointService touchpoints;
    @Inject
    CustomerService customers;
    @Inject
    StaffService staff;
    @Inject
    ClinicService clinics;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** When a task is due, seen from the chain's today. */
    public enum Due { TODAY, OVERDUE, UPCOMING }

    public record TaskQuery(UUID assigneeId, UUID clinicId, UUID customerId, Status status, FollowUpTrigger trigger,
                            Due due, LocalDate dueFrom, LocalDate dueTo) {
    }

    /** Tasks by due date (then id), the soonest first. */
    public Page<FollowUpTaskView> list(TaskQuery query, PageRequest page) {
        LocalDate today = tasks.today();
        Filter filter = visible()
                .and("assigneeId = :assignee", "assignee", query.assigneeId())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("customerId = :customer", "customer", query.customerId())
                .and("status = :status", "status", query.status())
                .and("trigger = :trigger", "trigger", query.trigger())
                .and("dueDate >= :dueFrom", "dueFrom", query.dueFrom())
                .and("dueDate <= :dueTo", "dueTo", query.dueTo());
        if (query.due() != null) {
            filter.and(switch (query.due()) {
                case TODAY -> "dueDate = :today";
                case OVERDUE -> "dueDate < :today and status = 'OPEN'";
                case UPCOMING -> "dueDate > :today";
            }, "today", today);
        }
        if (page.afterTime() != null) {
            filter.and("dueDate > :afterDue or (dueDate = :afterDue and id > :afterId)",
                    Map.of("afterDue", page.afterTime().toLocalDate(), "afterId", page.after()));
        }
        List<FollowUpTask> rows = FollowUpTask.<FollowUpTask>find(filter.where() + " order by dueDate, id",
                filter.params()).page(0, page.fetchSize()).list();
        Page<FollowUpTask> shown = page.pageByTime(rows, t -> t.dueDate.atStartOfDay().atOffset(ZoneOffset.UTC),
                t -> t.id, t -> t);
        return new Page<>(views(shown.items(), today), shown.nextCursor());
    }

    public FollowUpTaskView get(UUID id) {
        return view(find(id, LockModeType.NONE));
    }

    /** Open tasks due today and overdue, per assignee (unassigned ones under a null assignee), of the visible tasks. */
    public List<FollowUpWorkload> workload(UUID clinicId) {
        LocalDate today = tasks.today();
        Filter filter = visible().and("status = 'OPEN' and dueDate <= :today", "today", today)
                .and("clinicId = :clinic", "clinic", clinicId);
        TypedQuery<Object[]> query = FollowUpTask.getEntityManager().createQuery("select assigneeId,"
                + " sum(case when dueDate = :today then 1 else 0 end),"
                + " sum(case when dueDate < :today then 1 else 0 end) from FollowUpTask where "
                + filter.where() + " group by assigneeId", Object[].class);
        filter.params().map().forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        Map<UUID, String> names = staff.displayNames(rows.stream().map(r -> (UUID) r[0]).filter(Objects::nonNull)
                .toList());
        return rows.stream().map(r -> new FollowUpWorkload((UUID) r[0], r[0] == null ? null : names.get((UUID) r[0]),
                        ((Number) r[1]).intValue(), ((Number) r[2]).intValue()))
                .sorted((a, b) -> b.overdue() != a.overdue() ? Integer.compare(b.overdue(), a.overdue())
                        : Integer.compare(b.dueToday(), a.dueToday()))
                .toList();
    }

    /** How a bulk opening went: tasks opened, and customers skipped because the rule already has one for the campaign. */
    public record BulkOpening(int opened, int alreadyOpened) {
    }

    /**
     * Opens a task of the (enabled) rule for each of these customers for one campaign (a segment's follow-ups), due on
     * the day: a customer who already has the rule's task for the campaign is skipped, so running it again adds
     * nothing. Merged and erased customers are skipped too (not counted).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BulkOpening openForEach(UUID ruleId, String campaign, LocalDate dueDate, List<UUID> customerIds) {
        FollowUpRule rule = FollowUpRule.<FollowUpRule>findByIdOptional(ruleId)
                .orElseThrow(() -> ProblemException.invalidField("ruleId", "is not a follow-up rule of this chain"));
        if (!rule.enabled) {
            throw ProblemException.invalidField("ruleId", "is disabled");
        }
        int opened = 0;
        int already = 0;
        for (CustomerService.CustomerCare customer : customers.careOf(customerIds).values()) {
            FollowUpTasks.Reason reason = new FollowUpTasks.Reason("campaign:" + campaign + ":" + customer.id(), null,
                    null, null, dueDate);
            if (tasks.open(rule, customer, reason)) {
                opened++;
            } else {
                already++;
            }
        }
        return new BulkOpening(opened, already);
    }

    /** The task's result, and the contact it was (a touchpoint on her timeline). */
    @Transactional
    public FollowUpOutcomeResult recordOutcome(UUID id, FollowUpOutcomeInput input) {
        FollowUpTask task = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(task);
        UUID clinicId = input.clinicId() != null ? input.clinicId() : task.clinicId;
        if (clinicId == null) {
            throw ProblemException.invalidField("clinicId", "name the clinic you contacted her from");
        }
        clinics.requireWorkplace("clinicId", clinicId);
        Touchpoint contact = touchpoints.insert(new TouchpointCreate(task.customerId, clinicId, input.channel(),
                input.outcome(), input.note(), null), task.id);
        task.status = Status.DONE;
        task.outcome = input.outcome();
        task.outcomeNote = Strings.blankToNull(input.note());
        task.completedAt = contact.occurredAt;
        task.completedBy = caller.staffId();
        task.updatedAt = contact.createdAt;
        task.persistAndFlush();
        return new FollowUpOutcomeResult(view(task), touchpoints.view(contact));
    }

    @Transactional
    public FollowUpTaskView reassign(UUID id, FollowUpReassignment request) {
        FollowUpTask task = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(task);
        if (task.clinicId != null) {
            staff.requireStaffAt("assigneeId", request.assigneeId(), task.clinicId);
        } else {
            staff.requireStaff("assigneeId", request.assigneeId());
        }
        if (!request.assigneeId().equals(task.assigneeId)) {
            Map<String, Object> change = new HashMap<>();
            change.put("from", task.assigneeId);
            change.put("to", request.assigneeId());
            task.assigneeId = request.assigneeId();
            task.updatedAt = Clocks.now(clock);
            task.persistAndFlush();
            audit.record("follow-up-task.reassigned", "follow-up-task", task.id, Map.of("assigneeId", change));
        }
        return view(task);
    }

    @Transactional
    public FollowUpTaskView cancel(UUID id, FollowUpCancellation request) {
        FollowUpTask task = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(task);
        tasks.cancel(List.of(task), request.reason().strip());
        task.persistAndFlush();
        audit.record("follow-up-task.cancelled", "follow-up-task", task.id, Map.of("reason", task.cancelReason));
        return view(task);
    }

    private boolean managesQueues() {
        return caller.hasRole(Roles.MANAGER) || caller.hasRole(Roles.TENANT_ADMIN);
    }

    /** The tasks the caller may see (see the class comment). */
    private Filter visible() {
        UUID me = caller.staffId() != null ? caller.staffId() : NOBODY;
        if (!managesQueues()) {
            return new Filter().and("assigneeId = :me", "me", me);
        }
        if (caller.clinicFilter() == null) {
            return new Filter();
        }
        return new Filter().and("clinicId in :mine or assigneeId = :me", Map.of("mine", caller.clinicFilter(),
                "me", me));
    }

    /** A task the caller may see; changes lock it, so of two results recorded at once the second finds it done. */
    private FollowUpTask find(UUID id, LockModeType lock) {
        return FollowUpTask.<FollowUpTask>findByIdOptional(id, lock)
                .filter(t -> managesQueues()
                        ? caller.allClinics() || Objects.equals(t.assigneeId, caller.staffId())
                        || t.clinicId != null && caller.mayWorkIn(t.clinicId)
                        : t.assigneeId != null && t.assigneeId.equals(caller.staffId()))
                .orElseThrow(() -> ProblemException.notFound("Follow-up task"));
    }

    private static void requireOpen(FollowUpTask task) {
        if (task.status != Status.OPEN) {
            throw ProblemException.conflict("The task is already " + task.status.name().toLowerCase());
        }
    }

    private FollowUpTaskView view(FollowUpTask task) {
        return views(List.of(task), tasks.today()).get(0);
    }

    private List<FollowUpTaskView> views(List<FollowUpTask> rows, LocalDate today) {
        Map<UUID, String> customerNames = customers.namesOf(rows.stream().map(t -> t.customerId).toList());
        Map<UUID, String> staffNames = staff.displayNames(rows.stream()
                .flatMap(t -> Stream.of(t.assigneeId, t.completedBy)).filter(Objects::nonNull).toList());
        return rows.stream().map(t -> new FollowUpTaskView(t.id, t.ruleId, t.trigger, t.title, t.customerId,
                customerNames.get(t.customerId), t.clinicId, t.assigneeId,
                t.assigneeId == null ? null : staffNames.get(t.assigneeId), t.dueDate,
                t.status, t.status == Status.OPEN && t.dueDate.isBefore(today), t.outcome, t.outcomeNote,
                t.completedAt, t.completedBy, t.cancelledAt, t.cancelReason, t.subjectId, t.createdAt, t.updatedAt,
                t.version)).toList();
    }
}
