package app.meike.membership;

import app.meike.common.Ids;
import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Roles;
import app.meike.membership.MembershipDtos.CustomerMembershipView;
import app.meike.membership.MembershipDtos.OverrideInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/v1/customers/{customerId}/membership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerMembershipResource {
    private static final int MAX_REASON = 300;

    @Inject
    MembershipService memberships;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public CustomerMembershipView get(@PathParam("customerId") String customerId) {
        return memberships.get(Ids.parse("customerId", customerId));
    }

    @POST
    @Path("override")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CustomerMembershipView override(@PathParam("customerId") String customerId,
                                           @Valid @NotNull OverrideInput body) {
        return memberships.override(Ids.parse("customerId", customerId), body);
    }

    @DELETE
    @Path("override")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CustomerMembershipView endOverride(@PathParam("customerId") String customerId,
                                              @QueryParam("reason") String reason) {
        UUID id = Ids.parse("customerId", customerId);
        String why = QueryParams.text("reason", reason, MAX_REASON);
        if (why == null) {
            throw ProblemException.invalidField("reason", "must say why the override ends");
        }
        return memberships.endOverride(id, why);
    }
}
