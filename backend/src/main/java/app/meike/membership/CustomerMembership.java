package app.meike.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer's standing: the tier her spend holds, when she first paid, a manual override. Recording spend and
 * evaluating her both lock this row first.
 */
@Entity
@Table(name = "customer_membership")
public class CustomerMembership extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    /** The tier her spend holds (downgrades wait for the review, except refunds on lifetime spend). */
    @Column(name = "tier_id")
    public UUID tierId;
    @Column(name = "first_paid_at")
    public OffsetDateTime firstPaidAt;
    @Column(name = "override_tier_id")
    public UUID overrideTierId;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "override_until")
    public OffsetDateTime overrideUntil;
    @Column(name = "override_by")
    public String overrideBy;
    @Column(name = "override_at")
    public OffsetDateTime overrideAt;
    @Column(name = "reviewed_for")
    public LocalDate reviewedFor;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    boolean hasOverride() {
        return overrideTierId != null;
    }

    UUID effectiveTier(OffsetDateTime at) {
        return TierRules.effective(tierId, overrideTierId, overrideUntil, at);
    }

    void clearOverride() {
        overrideTierId = null;
        overrideReason = null;
        overrideUntil = null;
        overrideBy = null;
        overrideAt = null;
    }
}
