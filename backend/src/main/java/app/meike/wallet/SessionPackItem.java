package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of a pack: sessions bought and left, its part of the paid value, and its latest standing session. */
@Entity
@Table(name = "session_pack_item")
public class SessionPackItem extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "item_no")
    public short itemNo;
    @Column(name = "item_name")
    public String itemName;
    public int sessions;
    public int remaining;
    @Column(name = "min_interval_days")
    public Integer minIntervalDays;
    @Column(name = "paid_value")
    public long paidValue;
    @Column(name = "last_redeemed_at")
    public OffsetDateTime lastRedeemedAt;

    @Embeddable
    public record Key(@Column(name = "pack_id") UUID packId, @Column(name = "item_id") UUID itemId)
            implements Serializable {
    }

    /** The earliest next session under the item's minimum interval; null when nothing holds it back. */
    public OffsetDateTime nextDueAt() {
        if (minIntervalDays == null || minIntervalDays == 0 || lastRedeemedAt == null || remaining == 0) {
            return null;
        }
        return lastRedeemedAt.plusDays(minIntervalDays);
    }

    public long unusedValue() {
        return PackValues.unusedValue(paidValue, sessions - remaining, sessions);
    }
}
