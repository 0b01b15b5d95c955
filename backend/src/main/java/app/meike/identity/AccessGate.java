package app.meike.identity;

import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import app.meike.identity.StaffAdmissions.Admission;
import app.meike.identity.StaffService.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs before every resource method, after the token is verified: fixes the tenant from the token (and only
 * from there), and turns away users of a suspended chain and disabled staff even while their tokens live.
 */
public class AccessGate {
    static final String TENANT_CLAIM = "tenant_id";
    static final String CLINICS_CLAIM = "clinic_ids";

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    StaffAdmissions admissions;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void admit(ResourceInfo resource) {
        if (identity.isAnonymous()) {
            return;
        }
        Set<String> tokenRoles = identity.getRoles().stream().filter(Roles.ALL::contains)
                .collect(Collectors.toSet());
        UUID tenant = tenantOf(token);
        caller.establish(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("name"),
                token.getClaim("email"), tokenRoles, tenant);
        if (tenant == null) {
            if (tokenRoles.stream().anyMatch(role -> !role.equals(Roles.PLATFORM_ADMIN))) {
                throw new ProblemException(ProblemType.NO_TENANT, "The token names no clinic chain");
            }
            if (tokenRoles.contains(Roles.PLATFORM_ADMIN)) {
                tenantContext.actAsPlatform();
            }
            return;
        }
        if (tokenRoles.contains(Roles.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("A platform operator's token must not name a clinic chain");
        }
        MDC.put("tenantId", tenant.toString());
        tenantContext.actFor(tenant);
        // Both reads in one statement and round trip: this runs before every request of a chain's user.
        Admission admission = admissions.read(tenant, token.getSubject());
        TenantStatus status = admission.status()
                .orElseThrow(() -> new ProblemException(ProblemType.NO_TENANT, "Your clinic chain is not known here"));
        if (status == TenantStatus.SUSPENDED) {
            throw new ProblemException(ProblemType.TENANT_SUSPENDED,
                    "Your clinic chain is suspended; contact MeiKe support to reactivate it");
        }
        Optional<StaffAccess> access = admission.access();
        if (access.isPresent()) {
            admitStaff(access.get(), tokenRoles);
        } else if (tokenRoles.equals(Set.of(Roles.INTEGRATOR))) {
            // Integrator clients have no staff record: the token's clinic list, if there is one, limits them.
            Optional<Set<UUID>> clinics = clinicsOf(token);
            caller.limitTo(clinics.isEmpty(), clinics.orElse(Set.of()));
        } else {
            throw ProblemException.forbidden("This login has no staff record in your clinic chain");
        }
        requireRoleFor(resource);
    }

    /**
     * A staff member holds the roles of their record, not merely those of their token: a role taken away
     * stops working at once, even while a token issued before still carries it.
     */
    private void admitStaff(StaffAccess access, Set<String> tokenRoles) {
        if (!access.active()) {
            throw new ProblemException(ProblemType.STAFF_DISABLED,
                    "Your account has been disabled by your chain's administrator");
        }
        Set<String> roles = tokenRoles.stream().filter(access.roles()::contains).collect(Collectors.toSet());
        caller.asStaff(access.staffId(), access.displayName(), roles, access.allClinics(), access.clinicIds());
    }

    private void requireRoleFor(ResourceInfo resource) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null && Arrays.stream(allowed.value()).noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Your role may not do this");
        }
    }

    private static UUID tenantOf(JsonWebToken token) {
        Object claim = token.getClaim(TENANT_CLAIM);
        if (claim == null || claim.toString().isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NO_TENANT, "The token names no valid clinic chain");
        }
    }

    /** The clinics the token limits its bearer to; empty when it sets no limit. Malformed entries grant nothing. */
    private static Optional<Set<UUID>> clinicsOf(JsonWebToken token) {
        Object claim = token.getClaim(CLINICS_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        Set<UUID> ids = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                try {
                    ids.add(UUID.fromString(value.toString().replace("\"", "")));
                } catch (IllegalArgumentException ignored) {
                    // a malformed entry grants nothing
                }
            }
        }
        return Optional.of(ids);
    }
}
