package app.meike.engagement.followup;

import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.customer.CustomerService.CustomerCare;
import app.meike.engagement.followup.FollowUpTask.Status;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Making and cancelling tasks, for the event handlers and the daily run. A rule makes at most one task per reason:
 * the insert skips a (rule, reason) that already has one, whatever became of it, so replays and re-runs add nothing.
 */
@ApplicationScoped
class FollowUpTasks {
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    Clock clock;

    /** What a rule makes a task about. */
    record Reason(String key, UUID subjectId, UUID clinicId, UUID fallbackAssigneeId, LocalDate dueDate) {
    }

    ZoneId zone() {
        return ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
    }

    LocalDate today() {
        return Clocks.now(clock).atZoneSameInstant(zone()).toLocalDate();
    }

    LocalDate dayOf(OffsetDateTime at) {
        return at.atZoneSameInstant(zone()).toLocalDate();
    }

    /**
     * A task of the rule for the customer unless the rule already made one for this reason. It goes to her owning
     * consultant, else to the reason's staff member (the order's or consultation's consultant), else to nobody (the
     * clinic's managers see it and assign it); at the reason's clinic, else her home clinic. Answers whether it made one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean open(FollowUpRule rule, CustomerCare customer, Reason reason) {
        OffsetDateTime now = Clocks.now(clock);
        UUID assignee = customer.ownerStaffId() != null ? customer.ownerStaffId() : reason.fallbackAssigneeId();
        UUID clinic = reason.clinicId() != null ? reason.clinicId() : customer.homeClinicId();
        int inserted = FollowUpTask.getEntityManager().createNativeQuery("INSERT INTO follow_up_task (tenant_id, id,"
                        + " rule_id, trigger, reason_key, subject_id, customer_id, clinic_id, assignee_id, title, due_date,"
                        + " status, created_at, updated_at, version) VALUES (:tenant, :id, :rule, :trigger, :key,"
                        + " :subject, :customer, :clinic, :assignee, :title, :due, 'OPEN', :now, :now, 0)"
                        + " ON CONFLICT (tenant_id, rule_id, reason_key) DO NOTHING")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(FollowUpTask.class)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("id", Ids.newId())
                .setParameter("rule", rule.id)
                .setParameter("trigger", rule.trigger.name())
                .setParameter("key", reason.key())
                .setParameter("subject", reason.subjectId(), UUID.class)
                .setParameter("customer", customer.id())
                .setParameter("clinic", clinic, UUID.class)
                .setParameter("assignee", assignee, UUID.class)
                .setParameter("title", rule.title)
                .setParameter("due", reason.dueDate())
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }

    /** Cancels the open tasks whose reason went away (loaded through the tenant filter, then changed one by one). */
    @Transactional(Transactional.TxType.MANDATORY)
    void cancel(List<FollowUpTask> open, String reason) {
        OffsetDateTime now = Clocks.now(clock);
        for (FollowUpTask task : open) {
            task.status = Status.CANCELLED;
            task.cancelledAt = now;
            task.cancelReason = reason;
            task.updatedAt = now;
        }
    }

    List<FollowUpTask> openOfSubject(UUID subjectId) {
        return FollowUpTask.list("subjectId = ?1 and status = ?2", subjectId, Status.OPEN);
    }

    List<FollowUpTask> openOfCustomer(UUID customerId, FollowUpTrigger trigger) {
        return FollowUpTask.list("customerId = ?1 and trigger = ?2 and status = ?3", customerId, trigger,
                Status.OPEN);
    }
}
