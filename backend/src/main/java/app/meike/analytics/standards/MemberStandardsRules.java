package app.meike.analytics.standards;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;

/** The chain's five-standard targets and weights: one row once a tenant admin sets them (none: the defaults). */
@Entity
@Table(name = "member_standards_rules")
public class MemberStandardsRules extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    /** Qualifying spend in minor units. */
    @Column(name = "spend_target")
    public long spendTarget;
    @Column(name = "items_target")
    public int itemsTarget;
    @Column(name = "visits_target")
    public int visitsTarget;
    @Column(name = "referrals_target")
    public int referralsTarget;
    @Column(name = "satisfaction_target")
    public BigDecimal satisfactionTarget;
    @Column(name = "spend_weight")
    public int spendWeight;
    @Column(name = "items_weight")
    public int itemsWeight;
    @Column(name = "visits_weight")
    public int visitsWeight;
    @Column(name = "referrals_weight")
    public int referralsWeight;
    @Column(name = "satisfaction_weight")
    public int satisfactionWeight;
    @Column(name = "updated_by")
    public String updatedBy;
}
