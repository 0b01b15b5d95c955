package app.meike.catalog;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored-value plan (储值方案): pay `price`, get `value` to spend; amounts in minor units of the chain's currency. */
@Entity
@Table(name = "stored_value_plan")
public class StoredValuePlan extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String code;
    public String name;
    public String description;
    public long price;
    public long value;
    /** Days a lot stays usable after the top-up day; null never expires. */
    @Column(name = "validity_days")
    public Integer validityDays;
    @Column(name = "all_clinics")
    public boolean allClinics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "clinic_ids", columnDefinition = "uuid[]")
    public List<UUID> clinicIds;
    @Column(name = "available_from")
    public LocalDate availableFrom;
    @Column(name = "available_until")
    public LocalDate availableUntil;
    public boolean active;
}
