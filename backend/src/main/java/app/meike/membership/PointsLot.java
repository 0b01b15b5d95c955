package app.meike.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Points that came in together (an order's earning, an adjustment, a restore) and expire together. */
@Entity
@DynamicUpdate
@Table(name = "points_lot")
public class PointsLot extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public PointsLotSource source;
    @Column(name = "order_id")
    public UUID orderId;
    public long points;
    /** What is left to spend; only ledger entries move it (through their allocations). */
    public long remaining;
    @Column(name = "earned_at")
    public OffsetDateTime earnedAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    PointsLots.Lot asLot() {
        return new PointsLots.Lot(id, orderId, points, remaining, earnedAt, expiresAt);
    }
}
