package app.meike.identity;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A staff member of a chain and the Keycloak login behind them. */
@Entity
@Table(name = "staff")
public class Staff extends VersionedEntity {
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
}
