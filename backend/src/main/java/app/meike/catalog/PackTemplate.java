package app.meike.catalog;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.UUID;

/** A session-pack template (次卡/疗程卡): items x sessions for one price, sold and redeemed at its clinics. */
@Entity
@Table(name = "pack_template")
public class PackTemplate extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String code;
    public String name;
    public String description;
    /** Minor units of the chain's currency. */
    public long price;
    @Column(name = "validity_days")
    public int validityDays;
    @Column(name = "all_clinics")
    public boolean allClinics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "clinic_ids", columnDefinition = "uuid[]")
    public List<UUID> clinicIds;
    public boolean active;
}
