package app.meike.tenancy;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A clinic chain. Not tenant-owned itself: row-level security lets a tenant see only its own row. */
@Entity
@Table(name = "tenant")
public class Tenant extends VersionedEntity {
    public String slug;
    public String name;
    @Enumerated(EnumType.STRING)
    public TenantStatus status;
    public String currency;
    @Column(name = "time_zone")
    public String timeZone;
}
