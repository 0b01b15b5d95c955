package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer's stored value (one account per customer). The cached buckets are the sums of her ledger, moved in each
 * entry's transaction under this row's lock: every movement locks it first, so parallel debits queue and never
 * overdraw.
 */
@Entity
@Table(name = "stored_value_account")
public class StoredValueAccount extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Spendable principal and bonus: the sums of the entries' parts and of the live lots' remaining buckets. */
    public long principal;
    public long bonus;
    @Column(name = "expired_principal")
    public long expiredPrincipal;
    @Column(name = "expired_bonus")
    public long expiredBonus;
    @Column(name = "frozen_reason")
    public String frozenReason;
    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;
    @Column(name = "frozen_by")
    public String frozenBy;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /**
     * Its lots that were not closed when this transaction first read them under the account's lock, with the lots
     * written since: a movement's expiry and the movement itself read them once. Null until read.
     */
    @Transient
    List<StoredValueLot> heldLots;

    /** Leaves the frozen state (or any other) for `next`, forgetting why it was frozen. */
    void thaw(Status next) {
        status = next;
        frozenReason = null;
        frozenAt = null;
        frozenBy = null;
    }

    public enum Status { ACTIVE, FROZEN, CLOSED }
}
