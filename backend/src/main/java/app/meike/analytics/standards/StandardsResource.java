package app.meike.analytics.standards;

import app.meike.analytics.standards.StandardsDtos.FallingMember;
import app.meike.analytics.standards.StandardsDtos.MemberStandardsView;
import app.meike.analytics.standards.StandardsDtos.StandingMember;
import app.meike.analytics.standards.StandardsDtos.StandardsDistribution;
import app.meike.analytics.standards.StandardsDtos.StandardsRulesUpdate;
import app.meike.analytics.standards.StandardsDtos.StandardsRulesView;
import app.meike.analytics.standards.StandardsDtos.VisitsVersusSpend;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
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
 * The five gold standards: the chain's targets and weights (tenant admins change them; managers and consultants
 * read them), one customer's standards (consultants too, for the customers of their clinics: they work with her
 * plan) and the chain-wide reports (tenant admins and managers). Front desk, clinicians and integrators: 403.
 */
@Path("/api/v1/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StandardsResource {
    private static final int MAX_MEMBER_YEAR = 200;
    private static final int DEFAULT_MIN_DROP = 10;

    @Inject
    StandardsRulesService rules;
    @Inject
    MemberStandardsService members;
    @Inject
    StandardsReportService reports;

    @GET
    @Path("standards/rules")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public Response getRules() {
        StandardsRulesView view = rules.get();
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("standards/rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull StandardsRulesUpdate body) {
        StandardsRulesView view = rules.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @GET
    @Path("customers/{customerId}/standards")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public MemberStandardsView customer(@PathParam("customerId") String customerId,
                                        @QueryParam("memberYear") String memberYear) {
        return members.of(Ids.parse("customerId", customerId),
                QueryParams.wholeNumber("memberYear", memberYear, 1, MAX_MEMBER_YEAR));
    }

    @GET
    @Path("standards/distribution")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public StandardsDistribution distribution(@QueryParam("clinicId") String clinicId) {
        return reports.distribution(QueryParams.uuid("clinicId", clinicId));
    }

    @GET
    @Path("standards/visits-vs-spend")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public VisitsVersusSpend visitsVersusSpend(@QueryParam("clinicId") String clinicId) {
        return reports.visitsVersusSpend(QueryParams.uuid("clinicId", clinicId));
    }

    @GET
    @Path("standards/top")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Page<StandingMember> top(@QueryParam("clinicId") String clinicId, @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        return reports.top(QueryParams.uuid("clinicId", clinicId), limit(limit), cursor);
    }

    @GET
    @Path("standards/falling")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Page<FallingMember> falling(@QueryParam("clinicId") String clinicId, @QueryParam("minDrop") String minDrop,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Integer drop = QueryParams.wholeNumber("minDrop", minDrop, 1, 100);
        return reports.falling(QueryParams.uuid("clinicId", clinicId), drop == null ? DEFAULT_MIN_DROP : drop,
                limit(limit), cursor);
    }

    private static int limit(String limit) {
        Integer value = QueryParams.wholeNumber("limit", limit, 1, PageRequest.MAX_LIMIT);
        return value == null ? PageRequest.DEFAULT_LIMIT : value;
    }
}
