package app.meike.engagement.coupon;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.customer.CustomerFilterParams;
import app.meike.engagement.coupon.CouponDtos.CouponBulkIssue;
import app.meike.engagement.coupon.CouponDtos.CouponBulkResult;
import app.meike.engagement.coupon.CouponDtos.CouponExpiryResult;
import app.meike.engagement.coupon.CouponDtos.CouponExpiryRun;
import app.meike.engagement.coupon.CouponDtos.CouponIssue;
import app.meike.engagement.coupon.CouponDtos.CouponReport;
import app.meike.engagement.coupon.CouponDtos.CouponTypeCreate;
import app.meike.engagement.coupon.CouponDtos.CouponTypePatch;
import app.meike.engagement.coupon.CouponDtos.CouponTypeView;
import app.meike.engagement.coupon.CouponDtos.CouponView;
import app.meike.engagement.coupon.CouponDtos.CouponVoid;
import app.meike.engagement.coupon.CouponDtos.GiftBudgetList;
import app.meike.engagement.coupon.CouponDtos.GiftBudgetSet;
import app.meike.engagement.coupon.CouponDtos.GiftBudgetView;
import app.meike.engagement.coupon.CouponService.CouponQuery;
import app.meike.engagement.coupon.CouponTypeService.TypeQuery;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Coupon types (the chain admin writes them), customers' coupons (issued by managers and admins, gifted by
 * consultants from their budget), gift budgets and the coupon report.
 */
@Path("/api/v1/coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponResource {
    @Inject
    CouponTypeService types;
    @Inject
    CouponService coupons;
    @Inject
    GiftBudgetService budgets;

    @GET
    @Path("types")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Page<CouponTypeView> listTypes(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                          @QueryParam("q") String q, @QueryParam("active") String active,
                                          @QueryParam("kind") String kind) {
        return types.list(new TypeQuery(QueryParams.text("q", q, 100), QueryParams.bool("active", active),
                QueryParams.enumValue("kind", kind, CouponKind.class)), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("types")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response createType(@Valid @NotNull CouponTypeCreate body, @Context UriInfo uri) {
        CouponTypeView created = types.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("types/{typeId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Response getType(@PathParam("typeId") String typeId) {
        CouponTypeView type = types.get(Ids.parse("typeId", typeId));
        return Responses.versioned(type.version(), type);
    }

    @PATCH
    @Path("types/{typeId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateType(@PathParam("typeId") String typeId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull CouponTypePatch body) {
        CouponTypeView type = types.update(Ids.parse("typeId", typeId), ifMatch, body);
        return Responses.versioned(type.version(), type);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Page<CouponView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("customerId") String customerId,
                                 @QueryParam("couponTypeId") String couponTypeId,
                                 @QueryParam("status") String status, @QueryParam("source") String source) {
        return coupons.list(new CouponQuery(QueryParams.uuid("customerId", customerId),
                QueryParams.uuid("couponTypeId", couponTypeId),
                QueryParams.enumValue("status", status, CouponStatus.class),
                QueryParams.enumValue("source", source, CouponSource.class)), PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public Response issue(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          @Valid @NotNull CouponIssue body) {
        return Response.status(Response.Status.CREATED).entity(coupons.issue(idempotencyKey, body)).build();
    }

    @POST
    @Path("bulk-issues")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public CouponBulkResult issueInBulk(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                        @BeanParam CustomerFilterParams filters,
                                        @Valid @NotNull CouponBulkIssue body) {
        return coupons.issueInBulk(idempotencyKey, filters, body);
    }

    @GET
    @Path("report")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public CouponReport report() {
        return coupons.report();
    }

    @POST
    @Path("expiry-runs")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CouponExpiryResult expire(@Valid CouponExpiryRun body) {
        return coupons.expireDue(body == null ? null : body.asOf());
    }

    @GET
    @Path("gift-budgets")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public GiftBudgetList listBudgets(@QueryParam("month") String month) {
        return budgets.list(month);
    }

    @GET
    @Path("gift-budgets/{staffId}/{month}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public Response getBudget(@PathParam("staffId") String staffId, @PathParam("month") String month) {
        GiftBudgetView budget = budgets.get(Ids.parse("staffId", staffId), month);
        return Responses.versioned(budget.version(), budget);
    }

    @PUT
    @Path("gift-budgets/{staffId}/{month}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response setBudget(@PathParam("staffId") String staffId, @PathParam("month") String month,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull GiftBudgetSet body) {
        GiftBudgetView budget = budgets.set(Ids.parse("staffId", staffId), month, ifMatch, body);
        return Responses.versioned(budget.version(), budget);
    }

    @GET
    @Path("{couponId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public CouponView get(@PathParam("couponId") String couponId) {
        return coupons.get(Ids.parse("couponId", couponId));
    }

    @POST
    @Path("{couponId}/void")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public CouponView voidCoupon(@PathParam("couponId") String couponId,
                                 @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                 @Valid @NotNull CouponVoid body) {
        return coupons.voidCoupon(Ids.parse("couponId", couponId), idempotencyKey, body);
    }
}
