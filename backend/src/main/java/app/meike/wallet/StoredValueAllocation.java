package app.meike.wallet;

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

/** What one entry took from (negative) or gave to (positive) one lot; append-only like the entry. */
@Entity
@Immutable
@Table(name = "stored_value_allocation")
public class StoredValueAllocation extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "lot_id")
    public UUID lotId;
    public long principal;
    public long bonus;
    /** REFUND entries only: what the lot paid back. */
    @Column(name = "refund_amount")
    public Long refundAmount;

    @Embeddable
    public record Key(@Column(name = "entry_id") UUID entryId, int seq) implements Serializable {
    }
}
