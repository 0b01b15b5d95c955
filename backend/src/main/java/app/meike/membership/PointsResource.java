package app.meike.membership;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import app.meike.membership.PointsDtos.PointsAccountView;
import app.meike.membership.PointsDtos.PointsAdjustment;
import app.meike.membership.PointsDtos.PointsEntryView;
import app.meike.membership.PointsDtos.PointsExpiringCustomer;
import app.meike.membership.PointsDtos.PointsExpiryRun;
import app.meike.membership.PointsDtos.PointsExpiryRunResult;
import app.meike.membership.PointsDtos.PointsRedemption;
import app.meike.membership.PointsDtos.PointsRulesUpdate;
import app.meike.membership.PointsDtos.PointsRulesView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsResource {
    private static final int MAX_WITHIN_DAYS = 3660;

    @Inject
    PointsRulesService rules;
    @Inject
    PointsService points;

    @GET
    @Path("rules")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response getRules() {
        PointsRulesView view = rules.get();
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull PointsRulesUpdate body) {
        PointsRulesView view = rules.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @GET
    @Path("accounts/{customerId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public PointsAccountView account(@PathParam("customerId") String customerId) {
        return points.account(Ids.parse("customerId", customerId));
    }

    @GET
    @Path("accounts/{customerId}/entries")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<PointsEntryView> entries(@PathParam("customerId") String customerId,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return points.entries(Ids.parse("customerId", customerId), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("accounts/{customerId}/adjustments")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response adjust(@PathParam("customerId") String customerId,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Valid @NotNull PointsAdjustment body) {
        return created(points.adjust(Ids.parse("customerId", customerId), idempotencyKey, body));
    }

    @POST
    @Path("accounts/{customerId}/redemptions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Response redeem(@PathParam("customerId") String customerId,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Valid @NotNull PointsRedemption body) {
        return created(points.redeemForGift(Ids.parse("customerId", customerId), idempotencyKey, body));
    }

    @GET
    @Path("expiring")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<PointsExpiringCustomer> expiring(@QueryParam("withinDays") String withinDays,
                                                 @QueryParam("clinicId") String clinicId,
                                                 @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return points.expiring(QueryParams.wholeNumber("withinDays", withinDays, 1, MAX_WITHIN_DAYS), QueryParams.uuid("clinicId", clinicId),
                PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @Path("expiry-runs")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public PointsExpiryRunResult expire(@Valid PointsExpiryRun body) {
        return points.expireDue(body == null ? null : body.asOf());
    }

    private static Response created(PointsEntryView entry) {
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }
}
