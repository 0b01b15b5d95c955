package app.meike.tenancy;

import app.meike.identity.StaffDtos.StaffView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The tenant API's request and response bodies (schemas Tenant*, in openapi.yaml). */
public final class TenantDtos {
    private TenantDtos() {
    }

    public record TenantView(UUID id, String slug, String name, TenantStatus status, String currency, String timeZone,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id, t.slug, t.name, t.status, t.currency, t.timeZone, t.createdAt, t.updatedAt,
                    t.version);
        }
    }

    public record TenantSummary(UUID id, String slug, String name, TenantStatus status, String currency,
                                String timeZone) {
    }

    public record TenantCreate(
            @NotBlank @Size(max = 40) @Pattern(regexp = "^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
                    message = "use lowercase letters, digits and inner hyphens") String slug,
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency,
            @Size(max = 50) String timeZone,
            @NotNull @Valid TenantAdminCreate admin) {
    }

    public record TenantAdminCreate(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,49}$",
                    message = "use 3-50 lowercase letters, digits, dot, underscore or hyphen") String username,
            @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Size(max = 100) String displayName) {
    }

    public record TenantCreated(TenantView tenant, StaffView admin, String initialPassword) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (cleared). */
    public static class TenantPatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@NotBlank @Size(max = 50) String> timeZone;
        public Optional<@NotNull TenantStatus> status;
    }
}
