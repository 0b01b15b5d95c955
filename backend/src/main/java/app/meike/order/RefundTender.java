package app.meike.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** What a refund gave back through one tender of the order: money, or points for a POINTS tender. */
@Entity
@Table(name = "order_refund_tender")
public class RefundTender extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public long amount;
    public Long points;

    @Embeddable
    public record Key(@Column(name = "refund_id") UUID refundId, @Column(name = "tender_no") short tenderNo)
            implements Serializable {
    }
}
