package app.meike.catalog;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.UUID;

/** A treatment item (项目) the chain sells, priced in the chain's currency. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public ItemCategory category;
    /** Minor units of the chain's currency. */
    @Column(name = "list_price")
    public long listPrice;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "entry_level")
    public boolean entryLevel;
    public boolean active;
    @Column(name = "all_clinics")
    public boolean allClinics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "clinic_ids", columnDefinition = "uuid[]")
    public List<UUID> clinicIds;
}
