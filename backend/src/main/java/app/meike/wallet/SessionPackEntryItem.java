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

/**
 * What an entry moved of one item, both signed: an item's remaining sessions are the sum of its `sessions`, the
 * value of those sessions the sum of its `value`. Append-only.
 */
@Entity
@Immutable
@Table(name = "session_pack_entry_item")
public class SessionPackEntryItem extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "pack_id")
    public UUID packId;
    public int sessions;
    public long value;

    @Embeddable
    public record Key(@Column(name = "entry_id") UUID entryId, @Column(name = "item_id") UUID itemId)
            implements Serializable {
    }
}
