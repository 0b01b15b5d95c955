package app.meike.tenancy;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A clinic (门店) of a chain. */
@Entity
@Table(name = "clinic")
public class Clinic extends VersionedEntity {
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
}
