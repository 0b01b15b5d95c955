package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer's session pack, bought as one unit of an order's pack line: the template's items, clinics and
 * validity as sold. Every movement locks this row first, so parallel redemptions queue and never go below zero;
 * `remaining` is the sum of the items' remaining sessions, kept under that lock.
 */
@Entity
@Table(name = "session_pack")
public class SessionPack extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_name")
    public String templateName;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "order_line_no")
    public short orderLineNo;
    @Column(name = "unit_no")
    public int unitNo;
    /** The order's clinic: where the money was taken, so where the liability sits. */
    @Column(name = "sold_at_clinic_id")
    public UUID soldAtClinicId;
    /** Where it may be redeemed. */
    @Column(name = "all_clinics")
    public boolean allClinics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "clinic_ids", columnDefinition = "uuid[]")
    public List<UUID> clinicIds;
    @Enumerated(EnumType.STRING)
    public State state;
    public int sessions;
    public int remaining;
    @Column(name = "paid_value")
    public long paidValue;
    @Column(name = "refunded_value")
    public long refundedValue;
    @Column(name = "purchased_at")
    public OffsetDateTime purchasedAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;
    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** What staff set; EXPIRED and USED_UP follow from the expiry and the remaining sessions. */
    public enum State { ACTIVE, FROZEN, REFUNDED }

    public boolean redeemableAt(UUID clinicId) {
        return allClinics || clinicIds.contains(clinicId);
    }

    public boolean expiredAt(OffsetDateTime at) {
        return !at.isBefore(expiresAt);
    }

    public SessionPackStatus statusAt(OffsetDateTime at) {
        return switch (state) {
            case REFUNDED -> SessionPackStatus.REFUNDED;
            case FROZEN -> SessionPackStatus.FROZEN;
            case ACTIVE -> remaining == 0 ? SessionPackStatus.USED_UP
                    : expiredAt(at) ? SessionPackStatus.EXPIRED : SessionPackStatus.ACTIVE;
        };
    }
}
