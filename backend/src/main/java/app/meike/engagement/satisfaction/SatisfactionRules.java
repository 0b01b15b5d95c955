package app.meike.engagement.satisfaction;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** The chain's satisfaction rules: one row per chain once a tenant admin sets them (none: the defaults). */
@Entity
@Table(name = "satisfaction_rules")
public class SatisfactionRules extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    /** A result or experience score at or below this is low. */
    @Column(name = "low_score_max")
    public int lowScoreMax;
    /** An NPS answer at or below this is low. */
    @Column(name = "low_nps_max")
    public int lowNpsMax;
    @Column(name = "link_valid_hours")
    public int linkValidHours;
    @Column(name = "sla_hours_high")
    public int slaHoursHigh;
    @Column(name = "sla_hours_medium")
    public int slaHoursMedium;
    @Column(name = "sla_hours_low")
    public int slaHoursLow;
}
