package app.meike.engagement.referral;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

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
    @Column(name = "level1_points")
    public long level1Points;
    /** Null: the referrer's referrer gets nothing. */
    @Enumerated(EnumType.STRING)
    @Column(name = "level2_kind")
    public RewardKind level2Kind;
    @Column(name = "level2_points")
    public Long level2Points;
    /** The least qualifying spend of the referee's first payment that earns rewards. */
    @Column(name = "minimum_spend")
    public long minimumSpend;
    /** At most this many rewards per beneficiary per calendar month of the chain (null: no cap). */
    @Column(name = "monthly_cap")
    public Integer monthlyCap;
}
