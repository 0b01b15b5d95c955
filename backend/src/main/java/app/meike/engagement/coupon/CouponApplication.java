package app.meike.engagement.coupon;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** A coupon applied to an order, with what it took off there; kept after payment as the order's record. */
@Entity
@Table(name = "coupon_application")
public class CouponApplication extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public short position;
    public long discount;

    @Embeddable
    public record Key(@Column(name = "order_id") UUID orderId, @Column(name = "coupon_id") UUID couponId)
            implements Serializable {
    }
}
