package app.meike.tenancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The settings API's bodies (schemas ChainSettings*, in openapi.yaml). */
public final class ChainSettingsDtos {
    private ChainSettingsDtos() {
    }

    public record ChainSettingsView(int churnWindowDays, OffsetDateTime updatedAt, long version) {
    }

    public static class ChainSettingsPatch {
        public Optional<@NotNull @Min(30) @Max(730) Integer> churnWindowDays;
    }
}
