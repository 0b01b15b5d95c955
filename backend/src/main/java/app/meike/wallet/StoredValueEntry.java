package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One movement of a stored-value account: append-only (the database refuses updates and deletes). */
@Entity
@Immutable
@Table(name = "stored_value_entry")
public class StoredValueEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "account_id")
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public StoredValueEntryKind kind;
    /** Signed changes of the spendable principal and bonus. */
    public long principal;
    public long bonus;
    @Column(name = "principal_after")
    public long principalAfter;
    @Column(name = "bonus_after")
    public long bonusAfter;
    @Column(name = "refund_amount")
    public Long refundAmount;
    @Column(name = "forfeited_bonus")
    public Long forfeitedBonus;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "refund_id")
    public UUID refundId;
    @Column(name = "top_up_id")
    public UUID topUpId;
    @Column(name = "visit_id")
    public UUID visitId;
    public String reference;
    public String note;
    @Column(name = "reverses_entry_id")
    public UUID reversesEntryId;
    @Column(name = "counterparty_account_id")
    public UUID counterpartyAccountId;
    public String reason;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    /** The allocations and tenders this transaction wrote with the entry, so its view needs no read back. */
    @Transient
    List<StoredValueAllocation> writtenAllocations;
    @Transient
    List<StoredValueTender> writtenTenders;
}
