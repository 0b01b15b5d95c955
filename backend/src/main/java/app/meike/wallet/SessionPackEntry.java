package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One movement of a pack's ledger: append-only (the database refuses updates and deletes). */
@Entity
@Immutable
@Table(name = "session_pack_entry")
public class SessionPackEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "pack_id")
    public UUID packId;
    @Enumerated(EnumType.STRING)
    public SessionPackEntryKind kind;
    /** Signed: negative when sessions leave the pack. */
    public int sessions;
    @Column(name = "remaining_after")
    public int remainingAfter;
    /** The value of those sessions, unsigned (its direction is the sessions'). */
    public long value;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "clinician_id")
    public UUID clinicianId;
    @Column(name = "interval_override_reason")
    public String intervalOverrideReason;
    @Column(name = "reversal_of")
    public UUID reversalOf;
    public String reason;
    @Column(name = "previous_expires_at")
    public OffsetDateTime previousExpiresAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "refund_id")
    public UUID refundId;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
