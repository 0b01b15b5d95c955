package app.meike.membership;

import app.meike.common.Ids;
import app.meike.common.PageRequest;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.membership.MembershipDtos.JobView;
import app.meike.membership.MembershipDtos.PreviewView;
import app.meike.membership.MembershipDtos.ProgramInput;
import app.meike.membership.MembershipDtos.ProgramView;
import app.meike.membership.MembershipDtos.ReviewInput;
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

@Path("/api/v1/membership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipResource {
    @Inject
    MembershipProgramService programs;
    @Inject
    MembershipJobs jobs;

    @GET
    @Path("tiers")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response getProgram() {
        ProgramView program = programs.get();
        return Responses.versioned(program.version(), program);
    }

    @PUT
    @Path("tiers")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateProgram(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull ProgramInput body) {
        ProgramView program = programs.update(ifMatch, body);
        return Responses.versioned(program.version(), program);
    }

    @POST
    @Path("tiers/preview")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public PreviewView preview(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                               @Valid @NotNull ProgramInput body) {
        return programs.preview(body, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("jobs/{jobId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public JobView getJob(@PathParam("jobId") String jobId) {
        return jobs.get(Ids.parse("jobId", jobId));
    }

    @POST
    @Path("reviews")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response startReview(@Valid ReviewInput body) {
        return Response.accepted(jobs.startReview(body)).build();
    }
}
