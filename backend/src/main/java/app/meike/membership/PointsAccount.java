package app.meike.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer's points: the balance is the sum of her ledger entries, kept in each entry's transaction under this
 * row's lock (every movement locks it first, so parallel movements queue and never overspend).
 */
@Entity
@Table(name = "points_account")
public class PointsAccount extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public long balance;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
