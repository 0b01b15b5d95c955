package app.meike.catalog;

import app.meike.catalog.StoredValuePlanDtos.StoredValuePlanCreate;
import app.meike.catalog.StoredValuePlanDtos.StoredValuePlanPatch;
import app.meike.catalog.StoredValuePlanDtos.StoredValuePlanView;
import app.meike.catalog.StoredValuePlanService.PlanQuery;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
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

@Path("/api/v1/stored-value/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoredValuePlanResource {
    @Inject
    StoredValuePlanService plans;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<StoredValuePlanView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                          @QueryParam("q") String q, @QueryParam("active") String active,
                                          @QueryParam("clinicId") String clinicId) {
        PlanQuery query = new PlanQuery(QueryParams.text("q", q, 100), QueryParams.bool("active", active),
                QueryParams.uuid("clinicId", clinicId));
        return plans.list(query, PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response create(@Valid @NotNull StoredValuePlanCreate body, @Context UriInfo uri) {
        StoredValuePlanView created = plans.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{planId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("planId") String planId) {
        StoredValuePlanView plan = plans.get(Ids.parse("planId", planId));
        return Responses.versioned(plan.version(), plan);
    }

    @PATCH
    @Path("{planId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response update(@PathParam("planId") String planId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull StoredValuePlanPatch body) {
        StoredValuePlanView plan = plans.update(Ids.parse("planId", planId), ifMatch, body);
        return Responses.versioned(plan.version(), plan);
    }
}
