package app.meike.tenancy;

import app.meike.common.Ids;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;

/** The chain's own rules: one row per chain, created with the chain. */
@Entity
@Table(name = "chain_settings")
public class ChainSettings extends VersionedEntity {
    static final int DEFAULT_CHURN_WINDOW_DAYS = 180;

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    /** No visit for this long and a customer counts as churned; half of it and she is at risk. */
    @Column(name = "churn_window_days")
    public int churnWindowDays;

    static ChainSettings withDefaults(OffsetDateTime now) {
        ChainSettings settings = new ChainSettings();
        settings.id = Ids.newId();
        settings.churnWindowDays = DEFAULT_CHURN_WINDOW_DAYS;
        settings.createdAt = now;
        settings.updatedAt = now;
        return settings;
    }
}
