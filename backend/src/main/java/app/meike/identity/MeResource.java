package app.meike.identity;

import app.meike.tenancy.TenantDtos.TenantSummary;
import app.meike.tenancy.TenantService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    Caller caller;
    @Inject
    TenantService tenants;

    public record Me(String userId, String username, String displayName, String email, UUID staffId,
                     TenantSummary tenant, List<String> roles, boolean allClinics, List<UUID> clinicIds) {
    }

    @GET
    @Authenticated
    public Me me() {
        TenantSummary tenant = caller.tenantIdOrNull() == null ? null
                : tenants.summaryOf(caller.tenantIdOrNull()).orElse(null);
        return new Me(caller.userId(), caller.username(), caller.displayName(), caller.email(), caller.staffId(),
                tenant, caller.roles().stream().sorted().toList(), caller.allClinics(),
                caller.clinicIds().stream().sorted().toList());
    }
}
