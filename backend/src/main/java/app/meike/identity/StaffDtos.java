package app.meike.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The staff API's bodies (schemas Staff*, in openapi.yaml). */
public final class StaffDtos {
    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,49}$";
    static final String USERNAME_MESSAGE = "use 3-50 lowercase letters, digits, dot, underscore or hyphen";
    static final String PHONE = "^[0-9+() -]{3,30}$";
    static final String PHONE_MESSAGE = "use 3-30 digits, spaces, +, -, ( or )";
    static final String ROLE = "^(tenant-admin|manager|consultant|front-desk|clinician)$";
    static final String ROLE_MESSAGE = "must be one of tenant-admin, manager, consultant, front-desk, clinician";

    private StaffDtos() {
    }

    /** A colleague as every staff member may see her: no login, email or phone. */
    public record Colleague(UUID id, String displayName, List<String> roles, boolean allClinics,
                            List<UUID> clinicIds) {
    }

    public record StaffView(UUID id, String userId, String username, String email, String displayName, String phone,
                            List<String> roles, boolean allClinics, List<UUID> clinicIds, boolean active,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    public record StaffCreate(
            @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Size(max = 100) String displayName,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String> roles,
            @NotNull Boolean allClinics,
            @Size(max = 500) List<@NotNull UUID> clinicIds) {
    }

    public record StaffCreated(StaffView staff, String initialPassword) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (cleared). */
    public static class StaffPatch {
        public Optional<@NotBlank @Email @Size(max = 200) String> email;
        public Optional<@NotBlank @Size(max = 100) String> displayName;
        public Optional<@Pattern(regexp = PHONE, message = PHONE_MESSAGE) String> phone;
        public Optional<@NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String>> roles;
        public Optional<@NotNull Boolean> allClinics;
        public Optional<@NotNull @Size(max = 500) List<@NotNull UUID>> clinicIds;
        public Optional<@NotNull Boolean> active;
    }
}
