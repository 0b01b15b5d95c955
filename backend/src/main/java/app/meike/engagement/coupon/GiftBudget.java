package app.meike.engagement.coupon;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A staff member's coupon gift budget for one month: face value allowed and used. */
@Entity
@Table(name = "coupon_gift_budget")
public class GiftBudget extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public long amount;
    public long used;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    @Embeddable
    public record Key(@Column(name = "staff_id") UUID staffId, @Column(name = "month") LocalDate month)
            implements Serializable {
    }
}
