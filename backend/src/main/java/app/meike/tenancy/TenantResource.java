package app.meike.tenancy;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.tenancy.TenantDtos.TenantCreate;
import app.meike.tenancy.TenantDtos.TenantCreated;
import app.meike.tenancy.TenantDtos.TenantPatch;
import app.meike.tenancy.TenantDtos.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantResource {
    @Inject
    TenantService tenants;

    @GET
    public Page<TenantView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("q") String q, @QueryParam("status") String status) {
        return tenants.list(QueryParams.text("q", q, 100), QueryParams.enumValue("status", status, TenantStatus.class),
                PageRequest.of(limit, cursor));
    }

    @POST
    public Response create(@Valid @NotNull TenantCreate body, @Context UriInfo uri) {
        TenantCreated created = tenants.create(body);
        return Responses.created(uri, created.tenant().id(), created.tenant().version(), created);
    }

    @GET
    @Path("{tenantId}")
    public Response get(@PathParam("tenantId") String tenantId) {
        TenantView tenant = tenants.get(Ids.parse("tenantId", tenantId));
        return Responses.versioned(tenant.version(), tenant);
    }

    @PATCH
    @Path("{tenantId}")
    public Response update(@PathParam("tenantId") String tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull TenantPatch body) {
        TenantView tenant = tenants.update(Ids.parse("tenantId", tenantId), ifMatch, body);
        return Responses.versioned(tenant.version(), tenant);
    }
}
