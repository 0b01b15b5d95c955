package app.meike.engagement.coupon;

import app.meike.catalog.ItemCategory;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A coupon type (券种). Its terms (kind, amounts, validity, eligible items) are fixed once created, so a coupon in a
 * customer's hands never changes its worth; name, face value, stacking and the active flag may change.
 */
@Entity
@Table(name = "coupon_type")
public class CouponType extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public CouponKind kind;
    @Column(name = "amount_off")
    public Long amountOff;
    @Column(name = "percent_off")
    public BigDecimal percentOff;
    @Column(name = "max_discount")
    public Long maxDiscount;
    @Column(name = "min_spend")
    public long minSpend;
    @Column(name = "face_value")
    public long faceValue;
    @Column(name = "valid_from")
    public OffsetDateTime validFrom;
    @Column(name = "valid_until")
    public OffsetDateTime validUntil;
    @Column(name = "valid_days")
    public Integer validDays;
    @Enumerated(EnumType.STRING)
    public CouponStacking stacking;
    @Column(name = "all_items")
    public boolean allItems;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "item_ids", columnDefinition = "uuid[]")
    public List<UUID> itemIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "categories", columnDefinition = "varchar(20)[]")
    public List<String> categories;
    public boolean active;

    /** Whether the coupon takes from a line selling this item (null for a pack line, which only all-items takes). */
    boolean covers(UUID itemId, ItemCategory category) {
        return allItems || itemId != null && (itemIds.contains(itemId) || categories.contains(category.name()));
    }
}
