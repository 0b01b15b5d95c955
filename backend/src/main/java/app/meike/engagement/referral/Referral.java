package app.meike.engagement.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A counted referral: the referee's first paid order with qualifying spend, once per referee. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    @Column(name = "referee_id")
    public UUID refereeId;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "referrer_id")
    public UUID referrerId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "consultant_id")
    public UUID consultantId;
    public long spend;
    /** The rule's minimum spend when she was counted; refunds below it reverse the rewards. */
    @Column(name = "minimum_spend")
    public long minimumSpend;
    @Column(name = "counted_at")
    public OffsetDateTime countedAt;
}
