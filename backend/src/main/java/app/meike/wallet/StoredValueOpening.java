package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An opening balance brought in by an import: which row of which import made which lot and entry. Unique per
 * customer and card (dedupe key), so no card is imported twice, whatever the file.
 */
@Entity
@Immutable
@Table(name = "stored_value_opening")
public class StoredValueOpening extends PanacheEntityBase {
    @Id
    @Column(name = "lot_id")
    public UUID lotId;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "import_id")
    public UUID importId;
    @Column(name = "row_no")
    public int rowNo;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "entry_id")
    public UUID entryId;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @Column(name = "external_reference")
    public String externalReference;
    @Column(name = "imported_at")
    public OffsetDateTime importedAt;
}
