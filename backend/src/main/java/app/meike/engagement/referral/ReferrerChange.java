package app.meike.engagement.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Who attached or changed a customer's referrer, when, and on what evidence; append-only. */
@Entity
@Table(name = "referrer_change")
public class ReferrerChange extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "previous_referrer_id")
    public UUID previousReferrerId;
    @Column(name = "referrer_id")
    public UUID referrerId;
    public String evidence;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
