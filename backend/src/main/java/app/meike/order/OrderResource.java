package app.meike.order;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import app.meike.order.OrderDtos.OrderCreate;
import app.meike.order.OrderDtos.OrderPatch;
import app.meike.order.OrderDtos.OrderPayment;
import app.meike.order.OrderDtos.OrderView;
import app.meike.order.OrderDtos.OrderVoid;
import app.meike.order.OrderDtos.RefundCreate;
import app.meike.order.OrderService.OrderQuery;
import app.meike.order.SalesOrder.Status;
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

/** Sales at the till. Refunds give money back, so only managers and chain admins make them. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    @Inject
    OrderService orders;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<OrderView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                @QueryParam("customerId") String customerId, @QueryParam("clinicId") String clinicId,
                                @QueryParam("status") String status, @QueryParam("from") String from,
                                @QueryParam("to") String to) {
        OrderQuery query = new OrderQuery(QueryParams.uuid("customerId", customerId),
                QueryParams.uuid("clinicId", clinicId), QueryParams.enumValue("status", status, Status.class),
                QueryParams.time("from", from), QueryParams.time("to", to));
        return orders.list(query, PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response create(@Valid @NotNull OrderCreate body, @Context UriInfo uri) {
        OrderView created = orders.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{orderId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("orderId") String orderId) {
        OrderView order = orders.get(Ids.parse("orderId", orderId));
        return Responses.versioned(order.version(), order);
    }

    @PATCH
    @Path("{orderId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response update(@PathParam("orderId") String orderId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull OrderPatch body) {
        OrderView order = orders.update(Ids.parse("orderId", orderId), ifMatch, body);
        return Responses.versioned(order.version(), order);
    }

    @POST
    @Path("{orderId}/pay")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response pay(@PathParam("orderId") String orderId,
                        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                        @Valid @NotNull OrderPayment body) {
        OrderView order = orders.pay(Ids.parse("orderId", orderId), idempotencyKey, body);
        return Responses.versioned(order.version(), order);
    }

    @POST
    @Path("{orderId}/void")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response voidDraft(@PathParam("orderId") String orderId, @Valid @NotNull OrderVoid body) {
        OrderView order = orders.voidDraft(Ids.parse("orderId", orderId), body);
        return Responses.versioned(order.version(), order);
    }

    @POST
    @Path("{orderId}/refunds")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response refund(@PathParam("orderId") String orderId,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Valid @NotNull RefundCreate body) {
        OrderView order = orders.refund(Ids.parse("orderId", orderId), idempotencyKey, body);
        return Responses.versioned(order.version(), order);
    }
}
