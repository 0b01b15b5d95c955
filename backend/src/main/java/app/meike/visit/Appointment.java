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

/** A booking of a customer at a clinic, optionally for an item with a staff member; arrival makes it a visit. */
@Entity
@Table(name = "appointment")
public class Appointment extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "staff_id")
    public UUID staffId;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;
    public String note;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;
    @Column(name = "status_changed_by")
    public String statusChangedBy;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "booked_by")
    public String bookedBy;

    public enum AppointmentStatus {
        BOOKED, CONFIRMED, CANCELLED, NO_SHOW, ARRIVED;

        /** Still expected: it holds its staff member's time and can be changed, cancelled or arrived. */
        boolean open() {
            return this == BOOKED || this == CONFIRMED;
        }
    }
}
