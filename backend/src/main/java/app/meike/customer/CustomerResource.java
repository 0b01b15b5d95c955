package app.meike.customer;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.customer.CustomerDtos.CustomerCreate;
import app.meike.customer.CustomerDtos.CustomerMerge;
import app.meike.customer.CustomerDtos.CustomerPatch;
import app.meike.customer.CustomerDtos.CustomerView;
import app.meike.customer.CustomerService.CustomerSort;
import app.meike.customer.TimelineSource.TimelineEntry;
import app.meike.identity.Roles;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    @Inject
    CustomerService customers;
    @Inject
    CustomerTimeline timeline;
    @Inject
    CustomerRecordService records;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<CustomerView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                   @BeanParam CustomerFilterParams filters, @QueryParam("sort") String sort) {
        CustomerSort order = QueryParams.enumValue("sort", sort, CustomerSort.class);
        CustomerSort chosen = order == null ? CustomerSort.REGISTERED : order;
        return customers.list(filters.query(), chosen,
                chosen.byLastVisit() ? PageRequest.ofTimed(limit, cursor) : PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response create(@Valid @NotNull CustomerCreate body, @Context UriInfo uri) {
        CustomerView created = customers.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{customerId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("customerId") String customerId) {
        CustomerView customer = customers.get(Ids.parse("customerId", customerId));
        return Responses.versioned(customer.version(), customer);
    }

    @PATCH
    @Path("{customerId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response update(@PathParam("customerId") String customerId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CustomerPatch body) {
        CustomerView customer = customers.update(Ids.parse("customerId", customerId), ifMatch, body);
        return Responses.versioned(customer.version(), customer);
    }

    /** Customer 360: her visits, appointments and consultations (later orders and more), newest first. */
    @GET
    @Path("{customerId}/timeline")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public Page<TimelineEntry> timeline(@PathParam("customerId") String customerId,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return timeline.of(Ids.parse("customerId", customerId), PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @Path("{customerId}/merge")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response merge(@PathParam("customerId") String customerId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CustomerMerge body) {
        CustomerView survivor = records.merge(Ids.parse("customerId", customerId), ifMatch, body.duplicateId());
        return Responses.versioned(survivor.version(), survivor);
    }

    @POST
    @Path("{customerId}/erase")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response erase(@PathParam("customerId") String customerId) {
        CustomerView customer = records.erase(Ids.parse("customerId", customerId));
        return Responses.versioned(customer.version(), customer);
    }
}
