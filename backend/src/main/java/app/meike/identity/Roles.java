package app.meike.identity;

import java.util.List;

/** Realm roles, carried in the token's `groups` claim. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String MANAGER = "manager";
    public static final String CONSULTANT = "consultant";
    public static final String FRONT_DESK = "front-desk";
    public static final String CLINICIAN = "clinician";
    public static final String INTEGRATOR = "integrator";

    /** Roles a chain's staff member can hold; platform-admin and integrator are not staff roles. */
    public static final List<String> STAFF_ROLES = List.of(TENANT_ADMIN, MANAGER, CONSULTANT, FRONT_DESK, CLINICIAN);
    public static final List<String> ALL = List.of(PLATFORM_ADMIN, TENANT_ADMIN, MANAGER, CONSULTANT, FRONT_DESK,
            CLINICIAN, INTEGRATOR);

    private Roles() {
    }
}
