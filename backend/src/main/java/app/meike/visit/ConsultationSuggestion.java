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

/**
 * A catalog item the consultant suggested for a need. A later sale of the item to the customer was seeded by
 * this consultant, which decides whether it counts as second development (二开).
 */
@Entity
@Table(name = "consultation_suggestion")
public class ConsultationSuggestion extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Embeddable
    public record Key(@Column(name = "consultation_id") UUID consultationId, @Column(name = "rank") short rank,
                      @Column(name = "item_id") UUID itemId) implements Serializable {
    }
}
