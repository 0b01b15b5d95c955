package app.meike.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A staff member of a chain and the Keycloak login behind them. */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "user_id")
    public String userId;
    public String username;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    public String phone;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> roles;
    @Column(name = "all_clinics")
    public boolean allClinics;
    public boolean active;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
