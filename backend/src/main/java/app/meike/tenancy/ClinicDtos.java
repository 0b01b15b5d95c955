package app.meike.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The clinic API's bodies (schemas Clinic*, in openapi.yaml). */
public final class ClinicDtos {
    static final String CODE = "^[A-Za-z0-9][A-Za-z0-9-]{0,19}$";
    static final String PHONE = "^[0-9+() -]{3,30}$";
    static final String PHONE_MESSAGE = "use 3-30 digits, spaces, +, -, ( or )";

    private ClinicDtos() {
    }

    public record ClinicView(UUID id, String code, String name, String address, String phone, String timeZone,
                             boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        static ClinicView of(Clinic c) {
            return new ClinicView(c.id, c.code, c.name, c.address, c.phone, c.timeZone, c.active, c.createdAt,
                    c.updatedAt, c.version);
        }
    }

    public record ClinicCreate(
            @NotBlank @Pattern(regexp = CODE, message = "use 1-20 letters, digits or inner hyphens") String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 300) String address,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Size(max = 50) String timeZone) {
    }

    /** Absent fields stay null (unchanged); a JSON null arrives as an empty Optional (cleared). */
    public static class ClinicPatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@Size(max = 300) String> address;
        public Optional<@Pattern(regexp = PHONE, message = PHONE_MESSAGE) String> phone;
        public Optional<@NotBlank @Size(max = 50) String> timeZone;
        public Optional<@NotNull Boolean> active;
    }
}
