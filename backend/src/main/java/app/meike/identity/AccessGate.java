package app.meike.identity;

import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.tenancy.TenantStatus;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Collection;
import java.util.HashSet;
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
    TenantService tenants;
    @Inject
    StaffService staff;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void admit() {
        if (identity.isAnonymous()) {
            return;
        }
        Set<String> roles = identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet());
        UUID tenant = tenantOf(token);
        caller.establish(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("name"),
                token.getClaim("email"), roles, tenant);
        if (tenant == null) {
            if (roles.stream().anyMatch(role -> !role.equals(Roles.PLATFORM_ADMIN))) {
                throw new ProblemException(ProblemType.NO_TENANT, "The token names no clinic chain");
            }
            if (roles.contains(Roles.PLATFORM_ADMIN)) {
                tenantContext.actAsPlatform();
            }
            return;
        }
        MDC.put("tenantId", tenant.toString());
        tenantContext.actFor(tenant);
        TenantStatus status = tenants.statusOf(tenant)
                .orElseThrow(() -> new ProblemException(ProblemType.NO_TENANT, "Your clinic chain is not known here"));
        if (status == TenantStatus.SUSPENDED) {
            throw new ProblemException(ProblemType.TENANT_SUSPENDED,
                    "Your clinic chain is suspended; contact MeiKe support to reactivate it");
        }
        staff.accessOf(token.getSubject()).ifPresentOrElse(access -> {
            if (!access.active()) {
                throw new ProblemException(ProblemType.STAFF_DISABLED,
                        "Your account has been disabled by your chain's administrator");
            }
            caller.asStaff(access.staffId(), access.displayName(), access.allClinics(), access.clinicIds());
        }, () -> {
            // Integrator clients have no staff record: the token's clinic list, if any, limits them.
            Set<UUID> clinics = clinicsOf(token);
            caller.limitTo(clinics.isEmpty(), clinics);
        });
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

    private static Set<UUID> clinicsOf(JsonWebToken token) {
        Object claim = token.getClaim(CLINICS_CLAIM);
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
        return ids;
    }
}
