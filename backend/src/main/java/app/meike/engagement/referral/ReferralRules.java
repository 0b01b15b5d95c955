package app.meike.engagement.referral;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/** The chain's referral rules: one row per chain once a tenant admin sets them (none: no rewards). */
@Entity
@Table(name = "referral_rules")
public class ReferralRules extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    @Column(name = "level1_kind")
    public RewardKind level1Kind;
    /** Each level's kind has exactly its own parameter: points, a coupon type, or a bonus amount (minor units). */
    @Column(name = "level1_points")
    public Long level1Points;
    @Column(name = "level1_coupon_type_id")
    public UUID level1CouponTypeId;
    @Column(name = "level1_amount")
    public Long level1Amount;
    /** Null: the referrer's referrer gets nothing. */
    @Enumerated(EnumType.STRING)
    @Column(name = "level2_kind")
    public RewardKind level2Kind;
    @Column(name = "level2_points")
    public Long level2Points;
    @Column(name = "level2_coupon_type_id")
    public UUID level2CouponTypeId;
    @Column(name = "level2_amount")
    public Long level2Amount;
    /** The least qualifying spend of the referee's first payment that earns rewards. */
    @Column(name = "minimum_spend")
    public long minimumSpend;
    /** At most this many rewards per beneficiary per calendar month of the chain (null: no cap). */
    @Column(name = "monthly_cap")
    public Integer monthlyCap;
    /** At most this many rewards per beneficiary per member year of hers (null: no cap). */
    @Column(name = "member_year_cap")
    public Integer memberYearCap;
}
