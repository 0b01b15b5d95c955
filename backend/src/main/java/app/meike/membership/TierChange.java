package app.meike.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a customer's tier history (append-only). */
@Entity
@Table(name = "tier_change")
public class TierChange extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    @Column(name = "from_tier_id")
    public UUID fromTierId;
    @Column(name = "to_tier_id")
    public UUID toTierId;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    public SourceType sourceType;
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "changed_by")
    public String changedBy;
    public String note;
    @Column(name = "qualifying_spend")
    public long qualifyingSpend;

    public enum Reason { UPGRADE, REFUND, REVIEW, OVERRIDE, OVERRIDE_ENDED, RULES_CHANGED }

    public enum SourceType { ORDER, REFUND, STORED_VALUE, JOB, STAFF }
}
