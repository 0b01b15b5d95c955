package app.meike.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/** How part of an order was paid; refunds count up what went back through it, never beyond its amount. */
@Entity
@Table(name = "order_tender")
public class OrderTender extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "tender_no")
    public short tenderNo;
    @Enumerated(EnumType.STRING)
    public TenderMethod method;
    public long amount;
    /** The points a POINTS tender took, and those given back by refunds. */
    public Long points;
    @Column(name = "points_restored")
    public long pointsRestored;
    public String reference;
    public long refunded;
    /** What a STORED_VALUE tender took from the lots: principal (qualifying spend) and bonus. */
    @Column(name = "stored_value_principal")
    public Long storedValuePrincipal;
    @Column(name = "stored_value_bonus")
    public Long storedValueBonus;
}
