package app.meike.engagement.coupon;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One coupon in a customer's hands, from issue to redemption, expiry or void. */
@Entity
@Table(name = "coupon")
public class Coupon extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "coupon_type_id")
    public UUID couponTypeId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public CouponStatus status;
    @Enumerated(EnumType.STRING)
    public CouponSource source;
    @Column(name = "source_ref")
    public String sourceRef;
    public String note;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "gift_staff_id")
    public UUID giftStaffId;
    @Column(name = "gift_month")
    public LocalDate giftMonth;
    @Column(name = "face_value")
    public long faceValue;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "valid_from")
    public OffsetDateTime validFrom;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "redeemed_at")
    public OffsetDateTime redeemedAt;
    public long discount;
    @Column(name = "order_revenue")
    public long orderRevenue;
    @Column(name = "expired_at")
    public OffsetDateTime expiredAt;
    @Column(name = "voided_at")
    public OffsetDateTime voidedAt;
    @Column(name = "void_reason")
    public String voidReason;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
