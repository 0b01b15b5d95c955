package app.meike.wallet;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import app.meike.wallet.StoredValueAccount.Status;
import app.meike.wallet.StoredValueDtos.AccountView;
import app.meike.wallet.StoredValueDtos.Adjustment;
import app.meike.wallet.StoredValueDtos.DebitCreate;
import app.meike.wallet.StoredValueDtos.EntryView;
import app.meike.wallet.StoredValueDtos.ExpiryRun;
import app.meike.wallet.StoredValueDtos.ExpiryRunResult;
import app.meike.wallet.StoredValueDtos.Reactivation;
import app.meike.wallet.StoredValueDtos.Reason;
import app.meike.wallet.StoredValueDtos.RefundCreate;
import app.meike.wallet.StoredValueDtos.RefundQuote;
import app.meike.wallet.StoredValueDtos.RefundResult;
import app.meike.wallet.StoredValueDtos.StoredValueLiabilitiesView;
import app.meike.wallet.StoredValueDtos.StoredValueRulesUpdate;
import app.meike.wallet.StoredValueDtos.StoredValueRulesView;
import app.meike.wallet.StoredValueDtos.TopUpCreate;
import app.meike.wallet.StoredValueDtos.TopUpResult;
import app.meike.wallet.StoredValueDtos.TransferCreate;
import app.meike.wallet.StoredValueDtos.TransferResult;
import app.meike.wallet.StoredValueService.AccountQuery;
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

/**
 * Stored-value cards. Everyone who works with customers reads them; selling (top-ups) and spending are the till's,
 * giving money back (reversals, refunds) and reactivating are managers', transfers and corrections tenant admins'.
 */
@Path("/api/v1/stored-value")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoredValueResource {
    @Inject
    StoredValueRulesService rules;
    @Inject
    StoredValueService storedValue;
    @Inject
    StoredValueRefunds refunds;
    @Inject
    StoredValueLiabilities liabilities;

    @GET
    @Path("rules")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response getRules() {
        StoredValueRulesView view = rules.get();
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull StoredValueRulesUpdate body) {
        StoredValueRulesView view = rules.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @POST
    @Path("top-ups")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response topUp(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          @Valid @NotNull TopUpCreate body) {
        TopUpResult result = storedValue.topUp(idempotencyKey, body);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    @GET
    @Path("accounts")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<AccountView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                  @QueryParam("customerId") String customerId, @QueryParam("status") String status,
                                  @QueryParam("clinicId") String clinicId) {
        AccountQuery query = new AccountQuery(QueryParams.uuid("customerId", customerId),
                QueryParams.enumValue("status", status, Status.class), QueryParams.uuid("clinicId", clinicId));
        return storedValue.list(query, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("accounts/{accountId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public AccountView account(@PathParam("accountId") String accountId) {
        return storedValue.account(Ids.parse("accountId", accountId));
    }

    @GET
    @Path("accounts/{accountId}/entries")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<EntryView> entries(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        return storedValue.entries(Ids.parse("accountId", accountId), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("accounts/{accountId}/debits")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response debit(@PathParam("accountId") String accountId,
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          @Valid @NotNull DebitCreate body) {
        return created(storedValue.debit(Ids.parse("accountId", accountId), idempotencyKey, body));
    }

    @POST
    @Path("accounts/{accountId}/debits/{entryId}/reversal")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response reverse(@PathParam("accountId") String accountId, @PathParam("entryId") String entryId,
                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                            @Valid @NotNull Reason body) {
        return created(storedValue.reverse(Ids.parse("accountId", accountId), Ids.parse("entryId", entryId),
                idempotencyKey, body));
    }

    @GET
    @Path("accounts/{accountId}/refund-quote")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public RefundQuote quote(@PathParam("accountId") String accountId) {
        return refunds.quote(Ids.parse("accountId", accountId));
    }

    @POST
    @Path("accounts/{accountId}/refund")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public RefundResult refund(@PathParam("accountId") String accountId,
                               @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                               @Valid @NotNull RefundCreate body) {
        return refunds.refund(Ids.parse("accountId", accountId), idempotencyKey, body);
    }

    @POST
    @Path("accounts/{accountId}/freeze")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.FRONT_DESK})
    public AccountView freeze(@PathParam("accountId") String accountId, @Valid @NotNull Reason body) {
        return storedValue.freeze(Ids.parse("accountId", accountId), body);
    }

    @POST
    @Path("accounts/{accountId}/unfreeze")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public AccountView unfreeze(@PathParam("accountId") String accountId, @Valid @NotNull Reason body) {
        return storedValue.unfreeze(Ids.parse("accountId", accountId), body);
    }

    @POST
    @Path("accounts/{accountId}/transfer")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public TransferResult transfer(@PathParam("accountId") String accountId,
                                   @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                   @Valid @NotNull TransferCreate body) {
        return storedValue.transfer(Ids.parse("accountId", accountId), idempotencyKey, body);
    }

    @POST
    @Path("accounts/{accountId}/reactivate")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response reactivate(@PathParam("accountId") String accountId,
                               @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                               @Valid @NotNull Reactivation body) {
        return created(storedValue.reactivate(Ids.parse("accountId", accountId), idempotencyKey, body));
    }

    @POST
    @Path("accounts/{accountId}/adjustments")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response adjust(@PathParam("accountId") String accountId,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Valid @NotNull Adjustment body) {
        return created(storedValue.adjust(Ids.parse("accountId", accountId), idempotencyKey, body));
    }

    @GET
    @Path("liabilities")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public StoredValueLiabilitiesView liabilities(@QueryParam("clinicId") String clinicId,
                                                  @QueryParam("asOf") String asOf) {
        return liabilities.of(QueryParams.uuid("clinicId", clinicId), QueryParams.time("asOf", asOf));
    }

    @POST
    @Path("expiry-runs")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public ExpiryRunResult expire(@Valid ExpiryRun body) {
        return storedValue.expireDue(body == null ? null : body.asOf());
    }

    private static Response created(EntryView entry) {
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }
}
