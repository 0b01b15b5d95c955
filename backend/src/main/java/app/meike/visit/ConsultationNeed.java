package app.meike.visit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** One ranked need of a design assessment (美学设计评估): where, what she wants, and the consultant's note. */
@Entity
@Table(name = "consultation_need")
public class ConsultationNeed extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    public Area area;
    public String concern;
    public String note;

    @Embeddable
    public record Key(@Column(name = "consultation_id") UUID consultationId, @Column(name = "rank") short rank)
            implements Serializable {
    }

    /** Face and body areas a consultant assesses. */
    public enum Area {
        FACE_CONTOUR, FOREHEAD, EYES, NOSE, CHEEKS, LIPS, CHIN_JAWLINE, SKIN, NECK, BREAST, ABDOMEN_WAIST, ARMS, LEGS,
        BACK_HIPS, HAIR, OTHER
    }
}
