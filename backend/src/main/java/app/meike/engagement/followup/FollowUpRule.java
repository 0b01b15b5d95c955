package app.meike.engagement.followup;

import app.meike.catalog.ItemCategory;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A rule of the chain that makes follow-up tasks (see 021-follow-ups.sql for what `days` means per trigger). */
@Entity
@Table(name = "follow_up_rule")
public class FollowUpRule extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    public FollowUpTrigger trigger;
    /** AFTER_TREATMENT only: the items' category; null for every category. */
    @Enumerated(EnumType.STRING)
    public ItemCategory category;
    public int days;
    public String title;
    public boolean enabled;
}
