package app.meike.engagement.plan;

import app.meike.common.Ids;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanRevision;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanSuggestionList;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanVersionList;
import app.meike.engagement.plan.TreatmentPlanDtos.PlanVersionView;
import app.meike.engagement.plan.TreatmentPlanDtos.TreatmentPlanView;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A customer's annual treatment plan: everyone who works with customers reads it and its curve; consultants,
 * managers and tenant admins draft and revise it and ask for suggestions from her consultations.
 */
@Path("/api/v1/customers/{customerId}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TreatmentPlanResource {
    private static final int MAX_MEMBER_YEAR = 200;
    private static final int MAX_VERSION = 1_000_000;

    @Inject
    TreatmentPlanService plans;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public Response get(@PathParam("customerId") String customerId, @QueryParam("memberYear") String memberYear) {
        TreatmentPlanView view = plans.get(Ids.parse("customerId", customerId), year(memberYear));
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public Response revise(@PathParam("customerId") String customerId, @QueryParam("memberYear") String memberYear,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlanRevision body) {
        TreatmentPlanView view = plans.revise(Ids.parse("customerId", customerId), year(memberYear), ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @GET
    @Path("versions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public PlanVersionList versions(@PathParam("customerId") String customerId,
                                    @QueryParam("memberYear") String memberYear) {
        return plans.versions(Ids.parse("customerId", customerId), year(memberYear));
    }

    @GET
    @Path("versions/{version}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public PlanVersionView version(@PathParam("customerId") String customerId, @PathParam("version") String version,
                                   @QueryParam("memberYear") String memberYear) {
        return plans.version(Ids.parse("customerId", customerId), year(memberYear),
                QueryParams.wholeNumber("version", version, 1, MAX_VERSION));
    }

    @GET
    @Path("suggestions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public PlanSuggestionList suggestions(@PathParam("customerId") String customerId,
                                          @QueryParam("memberYear") String memberYear) {
        return plans.suggestions(Ids.parse("customerId", customerId), year(memberYear));
    }

    private static Integer year(String memberYear) {
        return QueryParams.wholeNumber("memberYear", memberYear, 1, MAX_MEMBER_YEAR);
    }
}
