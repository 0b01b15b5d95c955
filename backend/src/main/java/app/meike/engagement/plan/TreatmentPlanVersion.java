package app.meike.engagement.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One saved version of a plan: immutable once written. */
@Entity
@Table(name = "treatment_plan_version")
public class TreatmentPlanVersion extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String reason;
    @Column(name = "planned_total")
    public long plannedTotal;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_by_name")
    public String createdByName;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "version") int version)
            implements Serializable {
    }
}
