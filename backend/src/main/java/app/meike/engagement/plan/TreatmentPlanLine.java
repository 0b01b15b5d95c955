package app.meike.engagement.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** A planned item of one version, in a month or a quarter of the member year. */
@Entity
@Table(name = "treatment_plan_line")
public class TreatmentPlanLine extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "item_id")
    public UUID itemId;
    public Short month;
    public Short quarter;
    public int quantity;
    @Column(name = "estimated_amount")
    public long estimatedAmount;
    public String note;
    @Column(name = "consultation_id")
    public UUID consultationId;
    @Column(name = "need_rank")
    public Short needRank;

    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "version") int version,
                      @Column(name = "line_no") short lineNo) implements Serializable {
    }
}
