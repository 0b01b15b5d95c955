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

/** The amount a refund took off one line of the order. */
@Entity
@Table(name = "order_refund_line")
public class RefundLine extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public long amount;

    @Embeddable
    public record Key(@Column(name = "refund_id") UUID refundId, @Column(name = "line_no") short lineNo)
            implements Serializable {
    }
}
