package app.meike.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A refund of amounts of an order's lines: what went back to which tender, and what happened to points. */
@Entity
@Table(name = "order_refund")
public class OrderRefund extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "order_id")
    public UUID orderId;
    public String reason;
    public long amount;
    @Column(name = "money_returned")
    public long moneyReturned;
    @Column(name = "points_reversed")
    public long pointsReversed;
    @Column(name = "points_shortfall")
    public long pointsShortfall;
    @Column(name = "shortfall_amount")
    public long shortfallAmount;
    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;
    @Column(name = "refunded_by")
    public String refundedBy;
}
