package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentActionResult;
import app.meike.analytics.segments.SegmentDtos.SegmentCouponIssue;
import app.meike.analytics.segments.SegmentDtos.SegmentCounts;
import app.meike.analytics.segments.SegmentDtos.SegmentFilters;
import app.meike.analytics.segments.SegmentDtos.SegmentFollowUps;
import app.meike.analytics.segments.SegmentDtos.SegmentMembers;
import app.meike.analytics.segments.SegmentDtos.SegmentRulesUpdate;
import app.meike.analytics.segments.SegmentDtos.SegmentRulesView;
import app.meike.analytics.segments.SegmentExportService.Export;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
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
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Member segments: built-in (tunable by the tenant admin) and saved custom ones, counted and listed now, exported and
 * acted on in bulk. Managers and tenant admins only; a clinic-limited manager sees members of her clinics (by home
 * clinic) only.
 */
@Path("/api/v1/analytics/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
public class SegmentResource {
    @Inject
    SegmentService segments;
    @Inject
    SegmentRulesService rules;
    @Inject
    SegmentExportService exports;
    @Inject
    SegmentActions actions;

    @GET
    public SegmentCounts counts(@QueryParam("clinicId") String clinicId) {
        return segments.counts(QueryParams.uuid("clinicId", clinicId));
    }

    @GET
    @Path("rules")
    public Response getRules() {
        SegmentRulesView view = rules.get();
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull SegmentRulesUpdate body) {
        SegmentRulesView view = rules.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @POST
    @Path("preview")
    public SegmentMembers preview(@QueryParam("clinicId") String clinicId, @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor, @Valid @NotNull SegmentFilters body) {
        return segments.preview(body, QueryParams.uuid("clinicId", clinicId), limit(limit), cursor);
    }

    @GET
    @Path("{segment}/members")
    public SegmentMembers members(@PathParam("segment") String segment, @QueryParam("clinicId") String clinicId,
                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return segments.members(segment, QueryParams.uuid("clinicId", clinicId), limit(limit), cursor);
    }

    @GET
    @Path("{segment}/export")
    @Produces({"text/csv", "application/problem+json"})
    public Response export(@PathParam("segment") String segment, @QueryParam("clinicId") String clinicId) {
        Export export = exports.start(segment, QueryParams.uuid("clinicId", clinicId));
        StreamingOutput body = out -> exports.write(export, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .header("X-Total-Count", export.rows())
                .build();
    }

    @POST
    @Path("{segment}/coupons")
    public SegmentActionResult issueCoupons(@PathParam("segment") String segment,
                                            @QueryParam("clinicId") String clinicId,
                                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                            @Valid @NotNull SegmentCouponIssue body) {
        return actions.issueCoupons(segment, QueryParams.uuid("clinicId", clinicId), idempotencyKey, body);
    }

    @POST
    @Path("{segment}/follow-ups")
    public SegmentActionResult createFollowUps(@PathParam("segment") String segment,
                                               @QueryParam("clinicId") String clinicId,
                                               @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                               @Valid @NotNull SegmentFollowUps body) {
        return actions.createFollowUps(segment, QueryParams.uuid("clinicId", clinicId), idempotencyKey, body);
    }

    private static int limit(String limit) {
        Integer value = QueryParams.wholeNumber("limit", limit, 1, PageRequest.MAX_LIMIT);
        return value == null ? PageRequest.DEFAULT_LIMIT : value;
    }
}
