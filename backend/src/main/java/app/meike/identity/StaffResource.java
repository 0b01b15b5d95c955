package app.meike.identity;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.Responses;
import app.meike.identity.StaffDtos.Colleague;
import app.meike.identity.StaffDtos.StaffCreate;
import app.meike.identity.StaffDtos.StaffCreated;
import app.meike.identity.StaffDtos.StaffPatch;
import app.meike.identity.StaffDtos.StaffView;
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

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {
    @Inject
    StaffService staff;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Page<StaffView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                @QueryParam("q") String q, @QueryParam("role") String role,
                                @QueryParam("clinicId") String clinicId, @QueryParam("active") String active) {
        return staff.list(QueryParams.text("q", q, 100), staffRole(role),
                QueryParams.uuid("clinicId", clinicId), QueryParams.bool("active", active),
                PageRequest.of(limit, cursor));
    }

    /** Who works where, for every colleague to pick from (a doctor to book, a consultant to own a customer). */
    @GET
    @Path("directory")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<Colleague> directory(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                     @QueryParam("q") String q, @QueryParam("role") String role,
                                     @QueryParam("clinicId") String clinicId) {
        return staff.directory(QueryParams.text("q", q, 100), staffRole(role), QueryParams.uuid("clinicId", clinicId),
                PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response create(@Valid @NotNull StaffCreate body, @Context UriInfo uri) {
        StaffCreated created = staff.create(body);
        return Responses.created(uri, created.staff().id(), created.staff().version(), created);
    }

    @GET
    @Path("{staffId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public Response get(@PathParam("staffId") String staffId) {
        StaffView view = staff.get(Ids.parse("staffId", staffId));
        return Responses.versioned(view.version(), view);
    }

    @PATCH
    @Path("{staffId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response update(@PathParam("staffId") String staffId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull StaffPatch body) {
        StaffView view = staff.update(Ids.parse("staffId", staffId), ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    private static String staffRole(String role) {
        if (role == null || role.isEmpty()) {
            return null;
        }
        if (!Roles.STAFF_ROLES.contains(role)) {
            throw ProblemException.invalidField("role", "must be one of " + String.join(", ", Roles.STAFF_ROLES));
        }
        return role;
    }
}
