package app.meike.visit;

import app.meike.customer.CustomerDtos.CustomerCreate;
import app.meike.visit.Visit.VisitPurpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The visit API's bodies (schemas Visit*, in openapi.yaml). */
public final class VisitDtos {
    private VisitDtos() {
    }

    public record VisitView(UUID id, UUID customerId, String customerName, UUID clinicId, VisitPurpose purpose,
                            OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, boolean walkIn,
                            UUID appointmentId, List<UUID> staffIds, String note, String checkedInBy,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    /** A check-in names a known customer, or brings a walk-in's details (matched by phone, else registered). */
    public record VisitCheckIn(
            UUID customerId,
            @Valid CustomerCreate newCustomer,
            @NotNull UUID clinicId,
            @NotNull VisitPurpose purpose,
            @PastOrPresent OffsetDateTime checkedInAt,
            @Size(max = 20) List<@NotNull UUID> staffIds,
            @Size(max = 1000) String note) {
    }

    public record CheckedIn(VisitView visit, boolean customerRegistered) {
    }

    public record VisitCheckOut(@PastOrPresent OffsetDateTime checkedOutAt) {
    }

    public static class VisitPatch {
        public Optional<@NotNull VisitPurpose> purpose;
        public Optional<@NotNull @Size(max = 20) List<@NotNull UUID>> staffIds;
        public Optional<@Size(max = 1000) String> note;
    }
}
