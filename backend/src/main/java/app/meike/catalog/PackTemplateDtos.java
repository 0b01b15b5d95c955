package app.meike.catalog;

import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The session-pack templates API's bodies (schemas PackTemplate*, in openapi.yaml). */
public final class PackTemplateDtos {
    private PackTemplateDtos() {
    }

    public record PackTemplateItemInput(@NotNull UUID itemId, @NotNull @Min(1) @Max(100) Integer sessions,
                                        @Min(0) @Max(365) Integer minIntervalDays) {
    }

    public record PackTemplateCreate(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{0,29}$",
                    message = "use 1-30 letters, digits or inner hyphens") String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid PackTemplateItemInput> items,
            @NotNull @Valid Money price,
            @NotNull @Min(1) @Max(3650) Integer validityDays,
            @NotNull Boolean allClinics,
            @Size(max = 500) List<@NotNull UUID> clinicIds) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (only `description` may be). */
    public static class PackTemplatePatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@Size(max = 1000) String> description;
        public Optional<@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid PackTemplateItemInput>> items;
        public Optional<@NotNull @Valid Money> price;
        public Optional<@NotNull @Min(1) @Max(3650) Integer> validityDays;
        public Optional<@NotNull Boolean> active;
        public Optional<@NotNull Boolean> allClinics;
        public Optional<@NotNull @Size(max = 500) List<@NotNull UUID>> clinicIds;
    }

    public record PackTemplateItemView(UUID itemId, String itemName, ItemCategory category, int sessions,
                                       Integer minIntervalDays, Money standalonePrice, Money allocatedPrice,
                                       Money sessionPrice) {
    }

    public record PackTemplateView(UUID id, String code, String name, String description,
                                   List<PackTemplateItemView> items, Money price, Money standalonePrice,
                                   int validityDays, boolean allClinics, List<UUID> clinicIds, boolean active,
                                   OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }
}
