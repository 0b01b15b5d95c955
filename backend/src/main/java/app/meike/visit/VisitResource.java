package app.meike.visit;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.visit.VisitDtos.CheckedIn;
import app.meike.visit.VisitDtos.VisitCheckIn;
import app.meike.visit.VisitDtos.VisitCheckOut;
import app.meike.visit.VisitDtos.VisitPatch;
import app.meike.visit.VisitDtos.VisitView;
import app.meike.visit.VisitService.VisitQuery;
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

@Path("/api/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitResource {
    @Inject
    VisitService visits;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<VisitView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                @QueryParam("clinicId") String clinicId, @QueryParam("customerId") String customerId,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("open") String open) {
        VisitQuery query = new VisitQuery(QueryParams.uuid("clinicId", clinicId),
                QueryParams.uuid("customerId", customerId), QueryParams.time("from", from),
                QueryParams.time("to", to), QueryParams.bool("open", open));
        return visits.list(query, PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.INTEGRATOR})
    public Response checkIn(@Valid @NotNull VisitCheckIn body, @Context UriInfo uri) {
        CheckedIn checkedIn = visits.checkIn(body);
        return Responses.created(uri, checkedIn.visit().id(), checkedIn.visit().version(), checkedIn);
    }

    @GET
    @Path("{visitId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("visitId") String visitId) {
        VisitView visit = visits.get(Ids.parse("visitId", visitId));
        return Responses.versioned(visit.version(), visit);
    }

    @PATCH
    @Path("{visitId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response update(@PathParam("visitId") String visitId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull VisitPatch body) {
        VisitView visit = visits.update(Ids.parse("visitId", visitId), ifMatch, body);
        return Responses.versioned(visit.version(), visit);
    }

    @POST
    @Path("{visitId}/check-out")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response checkOut(@PathParam("visitId") String visitId, @Valid VisitCheckOut body) {
        VisitView visit = visits.checkOut(Ids.parse("visitId", visitId), body == null ? null : body.checkedOutAt());
        return Responses.versioned(visit.version(), visit);
    }
}
