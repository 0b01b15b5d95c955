package app.meike.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A clinic chain. Not tenant-owned itself: row-level security lets a tenant see only its own row. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {
    @Id
    public UUID id;
    public String slug;
    public String name;
    @Enumerated(EnumType.STRING)
    public TenantStatus status;
    public String currency;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
