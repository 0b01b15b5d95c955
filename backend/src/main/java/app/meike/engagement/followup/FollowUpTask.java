package app.meike.engagement.followup;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up task: who should contact which customer by when, and what came of it. */
@Entity
@Table(name = "follow_up_task")
public class FollowUpTask extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "rule_id")
    public UUID ruleId;
    @Enumerated(EnumType.STRING)
    public FollowUpTrigger trigger;
    @Column(name = "reason_key")
    public String reasonKey;
    /** The order, consultation or pack that made the task, when one did. */
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    public String title;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "completed_by")
    public UUID completedBy;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;

    public enum Status { OPEN, DONE, CANCELLED }

    public enum Outcome { REACHED, NO_ANSWER, BOOKED, DECLINED }
}
