package app.meike.wallet;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import app.meike.wallet.SessionPackDtos.SessionPackEntryView;
import app.meike.wallet.SessionPackDtos.SessionPackExtension;
import app.meike.wallet.SessionPackDtos.SessionPackLiabilities;
import app.meike.wallet.SessionPackDtos.SessionPackMovement;
import app.meike.wallet.SessionPackDtos.SessionPackReason;
import app.meike.wallet.SessionPackDtos.SessionPackRedemptionInput;
import app.meike.wallet.SessionPackDtos.SessionPackView;
import app.meike.wallet.SessionPackService.PackQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Customers' session packs. Whoever treats customers redeems; only managers and chain admins give sessions or
 * money back, freeze or extend.
 */
@Path("/api/v1/session-packs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionPackResource {
    @Inject
    SessionPackService packs;
    @Inject
    PackLiabilities liabilities;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<SessionPackView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                      @QueryParam("customerId") String customerId,
                                      @QueryParam("status") String status, @QueryParam("clinicId") String clinicId) {
        PackQuery query = new PackQuery(QueryParams.uuid("customerId", customerId),
                QueryParams.enumValue("status", status, SessionPackStatus.class),
                QueryParams.uuid("clinicId", clinicId));
        return packs.list(query, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("liabilities")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public SessionPackLiabilities liabilities(@QueryParam("clinicId") String clinicId,
                                              @QueryParam("asOf") String asOf) {
        return liabilities.of(QueryParams.uuid("clinicId", clinicId), QueryParams.time("asOf", asOf));
    }

    @GET
    @Path("{packId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public SessionPackView get(@PathParam("packId") String packId) {
        return packs.get(Ids.parse("packId", packId));
    }

    @GET
    @Path("{packId}/entries")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<SessionPackEntryView> entries(@PathParam("packId") String packId, @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        return packs.ledger(Ids.parse("packId", packId), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("{packId}/redemptions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.FRONT_DESK, Roles.CLINICIAN})
    public Response redeem(@PathParam("packId") String packId,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Valid @NotNull SessionPackRedemptionInput body) {
        return created(packs.redeem(Ids.parse("packId", packId), idempotencyKey, body));
    }

    @POST
    @Path("{packId}/redemptions/{redemptionId}/reversal")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response reverse(@PathParam("packId") String packId, @PathParam("redemptionId") String redemptionId,
                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                            @Valid @NotNull SessionPackReason body) {
        return created(packs.reverse(Ids.parse("packId", packId), Ids.parse("redemptionId", redemptionId),
                idempotencyKey, body));
    }

    @POST
    @Path("{packId}/refund")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public SessionPackMovement refund(@PathParam("packId") String packId,
                                      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                      @Valid @NotNull SessionPackReason body) {
        return packs.refund(Ids.parse("packId", packId), idempotencyKey, body);
    }

    @POST
    @Path("{packId}/freeze")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public SessionPackMovement freeze(@PathParam("packId") String packId, @Valid @NotNull SessionPackReason body) {
        return packs.freeze(Ids.parse("packId", packId), body);
    }

    @POST
    @Path("{packId}/unfreeze")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public SessionPackMovement unfreeze(@PathParam("packId") String packId, @Valid @NotNull SessionPackReason body) {
        return packs.unfreeze(Ids.parse("packId", packId), body);
    }

    @POST
    @Path("{packId}/extend")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public SessionPackMovement extend(@PathParam("packId") String packId,
                                      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                      @Valid @NotNull SessionPackExtension body) {
        return packs.extend(Ids.parse("packId", packId), idempotencyKey, body);
    }

    private static Response created(SessionPackMovement movement) {
        return Response.status(Response.Status.CREATED).entity(movement).build();
    }
}
