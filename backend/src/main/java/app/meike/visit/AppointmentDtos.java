package app.meike.visit;

import app.meike.visit.Appointment.AppointmentStatus;
import app.meike.visit.Visit.VisitPurpose;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The appointment API's bodies (schemas Appointment*, in openapi.yaml). */
public final class AppointmentDtos {
    private AppointmentDtos() {
    }

    public record AppointmentView(UUID id, UUID customerId, String customerName, UUID clinicId, UUID itemId,
                                  String itemName, UUID staffId, String staffName, OffsetDateTime startsAt,
                                  OffsetDateTime endsAt, AppointmentStatus status, String note, String cancelReason,
                                  OffsetDateTime statusChangedAt, String statusChangedBy, UUID visitId,
                                  String bookedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                  long version) {
    }

    public record AppointmentBook(
            @NotNull UUID customerId,
            @NotNull UUID clinicId,
            UUID itemId,
            UUID staffId,
            @NotNull OffsetDateTime startsAt,
            @Min(5) @Max(1440) Integer durationMinutes,
            @Size(max = 500) String note) {
    }

    /** Rescheduling: a new time, length, item or staff member, while the appointment is still expected. */
    public static class AppointmentPatch {
        public Optional<@NotNull OffsetDateTime> startsAt;
        public Optional<@NotNull @Min(5) @Max(1440) Integer> durationMinutes;
        public Optional<UUID> itemId;
        public Optional<UUID> staffId;
        public Optional<@Size(max = 500) String> note;
    }

    public record AppointmentCancel(@NotBlank @Size(max = 300) String reason) {
    }

    /** Arrival: the visit's purpose (treatment when the booking names an item, else consultation) and staff. */
    public record AppointmentArrive(VisitPurpose purpose, @Size(max = 20) List<@NotNull UUID> staffIds) {
    }
}
