package app.meike.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** The points one ledger entry took from (negative) or gave to (positive) one lot; append-only like the entry. */
@Entity
@Immutable
@Table(name = "points_allocation")
public class PointsAllocation extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "lot_id")
    public UUID lotId;
    public long points;

    @Embeddable
    public record Key(@Column(name = "entry_id") UUID entryId, int seq) implements Serializable {
    }
}
