package app.meike.engagement.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer's plan for one member year; its versions hold the lines (see 029-treatment-plans.sql). */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "member_year")
    public int memberYear;
    /** The latest saved version, 0 before the first: served as the ETag. */
    @Column(name = "current_version")
    public int currentVersion;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
