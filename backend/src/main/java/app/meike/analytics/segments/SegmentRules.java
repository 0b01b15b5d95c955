package app.meike.analytics.segments;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** The chain's definitions of the tunable built-in segments: one row per chain once a tenant admin sets them. */
@Entity
@Table(name = "segment_rules")
public class SegmentRules extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "new_within_days")
    public int newWithinDays;
    @Column(name = "high_value_spend")
    public long highValueSpend;
    @Column(name = "high_value_score")
    public int highValueScore;
    @Column(name = "loyal_member_years")
    public int loyalMemberYears;
    @Column(name = "loyal_visits")
    public int loyalVisits;
}
