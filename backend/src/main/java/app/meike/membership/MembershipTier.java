package app.meike.membership;

import app.meike.catalog.ItemCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tier of the program; never deleted (the history names it): a tier taken out is retired, without a position. */
@Entity
@Table(name = "membership_tier")
public class MembershipTier extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    public Integer position;
    public long threshold;
    @Column(name = "discount_percent")
    public BigDecimal discountPercent;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "category_discounts")
    public Map<ItemCategory, BigDecimal> categoryDiscounts;
    @Column(name = "points_multiplier")
    public BigDecimal pointsMultiplier;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<MembershipDtos.PerkView> perks;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public enum PerkCode { PRIORITY_BOOKING, COMPANION_DISCOUNT, PICKUP, EXCLUSIVE_CONSULTATION_GROUP, BIRTHDAY_GIFT, OTHER }

    /** The tiers of the program now, lowest first. */
    static List<MembershipTier> active() {
        return MembershipTier.<MembershipTier>list("position is not null order by position");
    }

    MemberBenefits benefits() {
        return new MemberBenefits(id, name, discountPercent, Map.copyOf(categoryDiscounts), pointsMultiplier);
    }
}
