package app.meike.engagement.referral;

import app.meike.common.Ids;
import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.Responses;
import app.meike.engagement.referral.ReferralDtos.CustomerReferralsView;
import app.meike.engagement.referral.ReferralDtos.Leaderboard;
import app.meike.engagement.referral.ReferralDtos.LeaderboardBy;
import app.meike.engagement.referral.ReferralDtos.ReferralRulesUpdate;
import app.meike.engagement.referral.ReferralDtos.ReferralRulesView;
import app.meike.engagement.referral.ReferralDtos.ReferrerUpdate;
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

import java.time.OffsetDateTime;

/**
 * Referrals: the chain's rules (tenant admins set them), a customer's referral tree and rewards (everyone who works
 * with customers), and the leaderboard (managers).
 */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {
    @Inject
    ReferralRulesService rules;
    @Inject
    ReferralService referrals;

    @GET
    @Path("rules")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response getRules() {
        ReferralRulesView view = rules.get();
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ReferralRulesUpdate body) {
        ReferralRulesView view = rules.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @GET
    @Path("customers/{customerId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public CustomerReferralsView customer(@PathParam("customerId") String customerId) {
        return referrals.of(Ids.parse("customerId", customerId));
    }

    @PUT
    @Path("customers/{customerId}/referrer")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public CustomerReferralsView changeReferrer(@PathParam("customerId") String customerId,
                                                @Valid @NotNull ReferrerUpdate body) {
        return referrals.changeReferrer(Ids.parse("customerId", customerId), body);
    }

    @GET
    @Path("leaderboard")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Leaderboard leaderboard(@QueryParam("by") String by, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        LeaderboardBy grouping = QueryParams.enumValue("by", by, LeaderboardBy.class);
        OffsetDateTime start = QueryParams.time("from", from);
        OffsetDateTime end = QueryParams.time("to", to);
        if (start == null) {
            throw ProblemException.invalidField("from", "is required");
        }
        if (end == null || !end.isAfter(start)) {
            throw ProblemException.invalidField("to", "is required and must be after from");
        }
        return referrals.leaderboard(grouping == null ? LeaderboardBy.CLINIC : grouping, start, end);
    }
}
