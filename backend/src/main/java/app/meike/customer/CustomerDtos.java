package app.meike.customer;

import app.meike.common.imports.ImportIssue;
import app.meike.common.imports.ImportStatus;
import app.meike.customer.Customer.CustomerSource;
import app.meike.customer.Customer.Gender;
import app.meike.customer.Customer.IncomeBand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customer API's bodies (schemas Customer*, in openapi.yaml). */
public final class CustomerDtos {
    private CustomerDtos() {
    }

    public record CustomerView(UUID id, String name, String phone, boolean phoneMasked, Gender gender,
                               LocalDate birthDate, String occupation, IncomeBand incomeBand, String city,
                               String address, CustomerSource source, ReferrerView referrer, UUID ownerStaffId,
                               UUID homeClinicId, List<String> tags, String notes,
                               ConsentRecord marketingConsent, OffsetDateTime firstVisitAt,
                               OffsetDateTime firstPurchaseAt, OffsetDateTime lastVisitAt, Lifecycle status,
                               UUID mergedInto, OffsetDateTime erasedAt, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, long version) {
    }

    public record CustomerMerge(@NotNull UUID duplicateId) {
    }

    public record CustomerImportView(UUID id, String fileName, ImportStatus status, int totalRows, int newRows,
                                     int changedRows, int unchangedRows, int invalidRows, int issueCount,
                                     List<ImportIssue> issues, List<String> ignoredColumns, String createdBy,
                                     OffsetDateTime createdAt, String committedBy, OffsetDateTime committedAt) {
    }

    public record ReferrerView(UUID customerId, String name, OffsetDateTime attachedAt, String attachedBy) {
    }

    public record ConsentRecord(boolean granted, String channel, OffsetDateTime recordedAt) {
    }

    public record Consent(@NotNull Boolean granted, @Size(max = 50) String channel) {
    }

    public record CustomerCreate(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 30) String phone,
            Gender gender,
            @PastOrPresent LocalDate birthDate,
            @Size(max = 100) String occupation,
            IncomeBand incomeBand,
            @Size(max = 50) String city,
            @Size(max = 300) String address,
            @NotNull CustomerSource source,
            UUID referrerId,
            UUID ownerStaffId,
            UUID homeClinicId,
            @Size(max = 20) List<@NotBlank @Size(max = 30) String> tags,
            @Size(max = 2000) String notes,
            @Valid Consent marketingConsent) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (cleared, where allowed). */
    public static class CustomerPatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@NotBlank @Size(max = 30) String> phone;
        public Optional<Gender> gender;
        public Optional<@PastOrPresent LocalDate> birthDate;
        public Optional<@Size(max = 100) String> occupation;
        public Optional<IncomeBand> incomeBand;
        public Optional<@Size(max = 50) String> city;
        public Optional<@Size(max = 300) String> address;
        public Optional<@NotNull CustomerSource> source;
        public Optional<@NotNull UUID> referrerId;
        public Optional<UUID> ownerStaffId;
        public Optional<UUID> homeClinicId;
        public Optional<@NotNull @Size(max = 20) List<@NotBlank @Size(max = 30) String>> tags;
        public Optional<@Size(max = 2000) String> notes;
        public Optional<@NotNull @Valid Consent> marketingConsent;
    }
}
