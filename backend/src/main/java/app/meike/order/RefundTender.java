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

/**
 * What a refund gave back through one tender of the order: money, points for a POINTS tender, principal and bonus
 * into the lots for a STORED_VALUE tender.
 */
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
    @Column(name = "stored_value_principal")
    public Long storedValuePrincipal;
    @Column(name = "stored_value_bonus")
    public Long storedValueBonus;

    @Embeddable
    public record Key(@Column(name = "refund_id") UUID refundId, @Column(name = "tender_no") short tenderNo)
            implements Serializable {
    }
}
