package app.meike.order;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A sale at the till: a draft until paid, then refunded in part or whole; amounts in minor units. */
@Entity
@Table(name = "sales_order")
public class SalesOrder extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String number;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "consultant_id")
    public UUID consultantId;
    @Column(name = "clinician_id")
    public UUID clinicianId;
    public String note;
    /** The tier whose benefits priced the order, and the points multiplier it gives. */
    @Column(name = "tier_id")
    public UUID tierId;
    @Column(name = "tier_name")
    public String tierName;
    @Column(name = "points_multiplier")
    public BigDecimal pointsMultiplier;
    public long subtotal;
    public long discount;
    public long total;
    public long refunded;
    /** External money taken, and returned by refunds: the order's qualifying spend is the difference. */
    @Column(name = "qualifying_paid")
    public long qualifyingPaid;
    @Column(name = "qualifying_returned")
    public long qualifyingReturned;
    @Column(name = "points_earned")
    public long pointsEarned;
    @Column(name = "points_reversed")
    public long pointsReversed;
    @Column(name = "second_development")
    public boolean secondDevelopment;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "paid_by")
    public String paidBy;
    @Column(name = "void_reason")
    public String voidReason;
    @Column(name = "created_by")
    public String createdBy;

    public enum Status { DRAFT, PAID, PARTIALLY_REFUNDED, REFUNDED, VOID }
}
