package app.meike.engagement.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A refund of a referral's first order, recorded once so a replayed event is not counted twice. */
@Entity
@Table(name = "referral_refund")
public class ReferralRefund extends PanacheEntityBase {
    @Id
    @Column(name = "refund_id")
    public UUID refundId;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "referee_id")
    public UUID refereeId;
    @Column(name = "money_returned")
    public long moneyReturned;
    /** External money plus stored-value principal given back; null on refunds recorded before it was. */
    @Column(name = "qualifying_returned")
    public Long qualifyingReturned;
    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;
}
