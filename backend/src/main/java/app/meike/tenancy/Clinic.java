package app.meike.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A clinic (门店) of a chain. */
@Entity
@Table(name = "clinic")
public class Clinic extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String code;
    public String name;
    public String address;
    public String phone;
    @Column(name = "time_zone")
    public String timeZone;
    public boolean active;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
