package app.meike.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One movement of a customer's points ledger: append-only (the database refuses updates and deletes). */
@Entity
@Immutable
@Table(name = "points_entry")
public class PointsEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public PointsEntryKind kind;
    /** Signed: negative when points leave the balance. */
    public long points;
    @Column(name = "balance_after")
    public long balanceAfter;
    /** REVERSE only: the points the refund wanted back that were already spent. */
    public Long shortfall;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "refund_id")
    public UUID refundId;
    @Column(name = "gift_item_id")
    public UUID giftItemId;
    @Column(name = "gift_description")
    public String giftDescription;
    public String reason;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
