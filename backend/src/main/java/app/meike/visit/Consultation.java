package app.meike.visit;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A consultation during a visit: the consultant's design assessment and whether the customer converted. */
@Entity
@Table(name = "consultation")
public class Consultation extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "consultant_id")
    public UUID consultantId;
    @Column(name = "consulted_at")
    public OffsetDateTime consultedAt;
    public String summary;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Enumerated(EnumType.STRING)
    public NonConversionReason reason;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "outcome_recorded_at")
    public OffsetDateTime outcomeRecordedAt;

    public enum Outcome { PENDING, CONVERTED, NOT_CONVERTED }

    public enum NonConversionReason { PRICE, TRUST, TIMING, EFFECT_DOUBT, COMPETITOR, OTHER }
}
