package app.meike.visit;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.visit.Appointment.AppointmentStatus;
import app.meike.visit.AppointmentDtos.AppointmentArrive;
import app.meike.visit.AppointmentDtos.AppointmentBook;
import app.meike.visit.AppointmentDtos.AppointmentCancel;
import app.meike.visit.AppointmentDtos.AppointmentPatch;
import app.meike.visit.AppointmentDtos.AppointmentView;
import app.meike.visit.AppointmentService.AppointmentQuery;
import app.meike.visit.VisitDtos.VisitView;
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

@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {
    @Inject
    AppointmentService appointments;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<AppointmentView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                      @QueryParam("clinicId") String clinicId, @QueryParam("staffId") String staffId,
                                      @QueryParam("customerId") String customerId,
                                      @QueryParam("status") String status, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        AppointmentQuery query = new AppointmentQuery(QueryParams.uuid("clinicId", clinicId),
                QueryParams.uuid("staffId", staffId), QueryParams.uuid("customerId", customerId),
                QueryParams.enumValue("status", status, AppointmentStatus.class), QueryParams.time("from", from),
                QueryParams.time("to", to));
        return appointments.list(query, PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response book(@Valid @NotNull AppointmentBook body, @Context UriInfo uri) {
        AppointmentView booked = appointments.book(body);
        return Responses.created(uri, booked.id(), booked.version(), booked);
    }

    @GET
    @Path("{appointmentId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("appointmentId") String appointmentId) {
        AppointmentView appointment = appointments.get(Ids.parse("appointmentId", appointmentId));
        return Responses.versioned(appointment.version(), appointment);
    }

    @PATCH
    @Path("{appointmentId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response reschedule(@PathParam("appointmentId") String appointmentId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull AppointmentPatch body) {
        AppointmentView appointment = appointments.reschedule(Ids.parse("appointmentId", appointmentId), ifMatch,
                body);
        return Responses.versioned(appointment.version(), appointment);
    }

    @POST
    @Path("{appointmentId}/confirm")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response confirm(@PathParam("appointmentId") String appointmentId) {
        AppointmentView appointment = appointments.confirm(Ids.parse("appointmentId", appointmentId));
        return Responses.versioned(appointment.version(), appointment);
    }

    @POST
    @Path("{appointmentId}/cancel")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response cancel(@PathParam("appointmentId") String appointmentId,
                           @Valid @NotNull AppointmentCancel body) {
        AppointmentView appointment = appointments.cancel(Ids.parse("appointmentId", appointmentId), body.reason());
        return Responses.versioned(appointment.version(), appointment);
    }

    @POST
    @Path("{appointmentId}/no-show")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response noShow(@PathParam("appointmentId") String appointmentId) {
        AppointmentView appointment = appointments.noShow(Ids.parse("appointmentId", appointmentId));
        return Responses.versioned(appointment.version(), appointment);
    }

    /** Arrival checks the customer in: the answer is the new visit. */
    @POST
    @Path("{appointmentId}/arrive")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response arrive(@PathParam("appointmentId") String appointmentId, @Valid AppointmentArrive body,
                           @Context UriInfo uri) {
        VisitView visit = appointments.arrive(Ids.parse("appointmentId", appointmentId),
                body == null ? new AppointmentArrive(null, null) : body);
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/visits/{id}").build(visit.id()),
                visit.version(), visit);
    }
}
