package app.meike.engagement.satisfaction;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A complaint (客怨): handled by its owner within the SLA of its severity, never hidden. */
@Entity
@Table(name = "complaint")
public class Complaint extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "visit_id")
    public UUID visitId;
    /** The low survey that opened it, when one did. */
    @Column(name = "survey_id")
    public UUID surveyId;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "owner_id")
    public UUID ownerId;
    public String description;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    /** The staff member's user id; null when a survey opened it. */
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "resolved_by")
    public UUID resolvedBy;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public enum Severity { LOW, MEDIUM, HIGH }

    public enum Category { RESULT, SERVICE, WAITING, PRICE, OTHER }

    public enum Status {
        OPEN, IN_PROGRESS, RESOLVED, CLOSED;

        /** The workflow: open -> in progress -> resolved -> closed; an open or worked complaint may also be closed. */
        boolean mayBecome(Status next) {
            return switch (this) {
                case OPEN -> next == IN_PROGRESS || next == CLOSED;
                case IN_PROGRESS -> next == RESOLVED || next == CLOSED;
                case RESOLVED -> next == CLOSED;
                case CLOSED -> false;
            };
        }

        boolean isActive() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }
}
