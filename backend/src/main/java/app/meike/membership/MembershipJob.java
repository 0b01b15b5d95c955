package app.meike.membership;

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

/** A re-evaluation or review over every member, in batches; the cursor lets a restarted job go on. */
@Entity
@Table(name = "membership_job")
public class MembershipJob extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "as_of")
    public LocalDate asOf;
    /** The moment a review evaluates spend at (a review for an earlier day looks at that day's end). */
    @Column(name = "evaluate_at")
    public OffsetDateTime evaluateAt;
    public long total;
    public long processed;
    @Column(name = "moved_up")
    public long movedUp;
    @Column(name = "moved_down")
    public long movedDown;
    @Column(name = "cursor_customer_id")
    public UUID cursorCustomerId;
    public String error;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public enum Kind { REEVALUATION, REVIEW }

    public enum Status { QUEUED, RUNNING, DONE, FAILED }
}
