package app.meike.identity;

import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.UUID;

/** Who is calling, established once per request by the AccessGate from the token and their staff record. */
@RequestScoped
public class Caller {
    private String userId = "system";
    private String username;
    private String displayName;
    private String email;
    private Set<String> roles = Set.of();
    private UUID tenantId;
    private UUID staffId;
    private boolean allClinics;
    private Set<UUID> clinicIds = Set.of();

    void establish(String userId, String username, String displayName, String email, Set<String> roles,
                   UUID tenantId) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.roles = Set.copyOf(roles);
        this.tenantId = tenantId;
    }

    /** The staff record, when there is one, names the caller better than the token does. */
    void asStaff(UUID staffId, String displayName, Set<String> roles, boolean allClinics, Set<UUID> clinicIds) {
        this.staffId = staffId;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        limitTo(allClinics, clinicIds);
    }

    void limitTo(boolean allClinics, Set<UUID> clinicIds) {
        this.allClinics = allClinics;
        this.clinicIds = Set.copyOf(clinicIds);
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public UUID staffId() {
        return staffId;
    }

    public UUID tenantIdOrNull() {
        return tenantId;
    }

    /** The caller's chain; a 403 for callers that belong to none (the platform operator). */
    public UUID tenantId() {
        if (tenantId == null) {
            throw new ProblemException(ProblemType.NO_TENANT, "This account does not belong to a clinic chain");
        }
        return tenantId;
    }

    public boolean allClinics() {
        return allClinics;
    }

    public Set<UUID> clinicIds() {
        return clinicIds;
    }

    /** The caller's clinics as a query parameter: null when not limited, never empty (SQL's IN rejects that). */
    public Set<UUID> clinicFilter() {
        if (allClinics) {
            return null;
        }
        return clinicIds.isEmpty() ? Set.of(new UUID(0, 0)) : clinicIds;
    }

    public boolean mayWorkIn(UUID clinicId) {
        return allClinics || clinicIds.contains(clinicId);
    }
}
