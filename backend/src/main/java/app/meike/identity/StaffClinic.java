package app.meike.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** A clinic a staff member may work in (only for staff not allowed in all clinics). */
@Entity
@Table(name = "staff_clinic")
public class StaffClinic extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Embeddable
    public record Key(@Column(name = "staff_id") UUID staffId, @Column(name = "clinic_id") UUID clinicId)
            implements Serializable {
    }

    static StaffClinic of(UUID staffId, UUID clinicId) {
        StaffClinic link = new StaffClinic();
        link.key = new Key(staffId, clinicId);
        return link;
    }
}
