package app.meike.tenancy;

import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.tenancy.ChainSettingsDtos.ChainSettingsPatch;
import app.meike.tenancy.ChainSettingsDtos.ChainSettingsView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChainSettingsResource {
    @Inject
    ChainSettingsService settings;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get() {
        ChainSettingsView view = settings.get();
        return Responses.versioned(view.version(), view);
    }

    @PATCH
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response update(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ChainSettingsPatch body) {
        ChainSettingsView view = settings.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }
}
