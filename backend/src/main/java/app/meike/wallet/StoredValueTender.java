package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** External money that paid for a top-up, or that a refund paid back: recorded, not processed; append-only. */
@Entity
@Immutable
@Table(name = "stored_value_tender")
public class StoredValueTender extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    public ExternalTenderMethod method;
    public long amount;
    public String reference;

    @Embeddable
    public record Key(@Column(name = "entry_id") UUID entryId, @Column(name = "tender_no") short tenderNo)
            implements Serializable {
    }
}
