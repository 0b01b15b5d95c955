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

/** The catalog API's bodies (schemas CatalogItem*, in openapi.yaml). */
public final class CatalogDtos {
    private CatalogDtos() {
    }

    public record CatalogItemView(UUID id, String code, String name, ItemCategory category, Money listPrice,
                                  int durationMinutes, boolean entryLevel, boolean active, boolean allClinics,
                                  List<UUID> clinicIds, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                  long version) {
    }

    public record CatalogItemCreate(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{0,29}$",
                    message = "use 1-30 letters, digits or inner hyphens") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull ItemCategory category,
            @NotNull @Valid Money listPrice,
            @NotNull @Min(5) @Max(1440) Integer durationMinutes,
            Boolean entryLevel,
            @NotNull Boolean allClinics,
            @Size(max = 500) List<@NotNull UUID> clinicIds) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (refused: all are required). */
    public static class CatalogItemPatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@NotNull ItemCategory> category;
        public Optional<@NotNull @Valid Money> listPrice;
        public Optional<@NotNull @Min(5) @Max(1440) Integer> durationMinutes;
        public Optional<@NotNull Boolean> entryLevel;
        public Optional<@NotNull Boolean> active;
        public Optional<@NotNull Boolean> allClinics;
        public Optional<@NotNull @Size(max = 500) List<@NotNull UUID>> clinicIds;
    }
}
