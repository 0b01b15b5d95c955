package app.meike.audit;

import app.meike.audit.AuditLog.AuditEventView;
import app.meike.audit.AuditLog.AuditQuery;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {
    private static final Set<String> ENTITY_TYPES = Set.of("tenant", "clinic", "staff", "catalog-item", "customer",
            "customer-import", "customer-list", "appointment", "visit", "consultation", "settings",
            "membership-program", "membership-job", "order", "stored-value-plan", "stored-value-account",
            "stored-value-import", "pack-template", "session-pack", "coupon-type", "coupon", "coupon-gift-budget",
            "coupon-expiry");

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Page<AuditEventView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                     @QueryParam("entityType") String entityType,
                                     @QueryParam("entityId") String entityId,
                                     @QueryParam("actorId") String actorId,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        if (entityType != null && !entityType.isEmpty() && !ENTITY_TYPES.contains(entityType)) {
            throw ProblemException.invalidField("entityType", "must be one of " + ENTITY_TYPES);
        }
        AuditQuery query = new AuditQuery(entityType == null || entityType.isEmpty() ? null : entityType,
                QueryParams.uuid("entityId", entityId), QueryParams.text("actorId", actorId, 100),
                QueryParams.time("from", from), QueryParams.time("to", to));
        return audit.list(query, PageRequest.of(limit, cursor));
    }
}
