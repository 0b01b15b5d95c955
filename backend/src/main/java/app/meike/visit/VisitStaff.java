package app.meike.visit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** A staff member who took part in a visit (consultant, clinician, front desk). */
@Entity
@Table(name = "visit_staff")
public class VisitStaff extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Embeddable
    public record Key(@Column(name = "visit_id") UUID visitId, @Column(name = "staff_id") UUID staffId)
            implements Serializable {
    }

    static VisitStaff of(UUID visitId, UUID staffId) {
        VisitStaff link = new VisitStaff();
        link.key = new Key(visitId, staffId);
        return link;
    }
}
