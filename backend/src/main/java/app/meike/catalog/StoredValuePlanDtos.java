package app.meike.catalog;

import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored-value plans API's bodies (schemas StoredValuePlan*, in openapi.yaml). */
public final class StoredValuePlanDtos {
    private StoredValuePlanDtos() {
    }

    public record StoredValuePlanView(UUID id, String code, String name, String description, Money price, Money value,
                                      Money bonus, Integer validityDays, boolean allClinics, List<UUID> clinicIds,
                                      LocalDate availableFrom, LocalDate availableUntil, boolean active,
                                      OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    public record StoredValuePlanCreate(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{0,29}$",
                    message = "use 1-30 letters, digits or inner hyphens") String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @NotNull @Valid Money price,
            @NotNull @Valid Money value,
            @Min(1) @Max(3650) Integer validityDays,
            @NotNull Boolean allClinics,
            @Size(max = 500) List<@NotNull UUID> clinicIds,
            LocalDate availableFrom,
            LocalDate availableUntil) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (clears the nullable ones). */
    public static class StoredValuePlanPatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@Size(max = 500) String> description;
        public Optional<@NotNull @Valid Money> price;
        public Optional<@NotNull @Valid Money> value;
        public Optional<@Min(1) @Max(3650) Integer> validityDays;
        public Optional<@NotNull Boolean> allClinics;
        public Optional<@NotNull @Size(max = 500) List<@NotNull UUID>> clinicIds;
        public Optional<LocalDate> availableFrom;
        public Optional<LocalDate> availableUntil;
        public Optional<@NotNull Boolean> active;
    }
}
