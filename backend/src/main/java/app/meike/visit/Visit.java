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

/** A customer's visit to a clinic, from check-in to check-out. It counts as a visit with or without a purchase. */
@Entity
@Table(name = "visit")
public class Visit extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Enumerated(EnumType.STRING)
    public VisitPurpose purpose;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "checked_out_at")
    public OffsetDateTime checkedOutAt;
    @Column(name = "walk_in")
    public boolean walkIn;
    public String note;
    @Column(name = "checked_in_by")
    public String checkedInBy;

    public enum VisitPurpose { CONSULTATION, TREATMENT, REVIEW, EVENT, SOCIAL }
}
