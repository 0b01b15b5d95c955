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

/** One qualifying-spend entry (append-only): a paid order adds, a refund subtracts; each source counts once. */
@Entity
@Table(name = "qualifying_spend")
public class QualifyingSpend extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public Memberships.SpendSource source;
    @Column(name = "source_id")
    public UUID sourceId;
    public long amount;
    @Column(name = "spent_at")
    public OffsetDateTime spentAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    TierRules.Spend spend() {
        return new TierRules.Spend(amount, spentAt);
    }
}
