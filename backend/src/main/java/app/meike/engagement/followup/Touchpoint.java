package app.meike.engagement.followup;

import app.meike.engagement.followup.FollowUpTask.Outcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One contact with a customer: a call, a message, a visit or a gift. */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "staff_id")
    public UUID staffId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "task_id")
    public UUID taskId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String note;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public enum Channel { CALL, MESSAGE, VISIT, GIFT }
}
