package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.CustomSegmentInput;
import app.meike.analytics.segments.SegmentDtos.CustomSegmentList;
import app.meike.analytics.segments.SegmentDtos.CustomSegmentView;
import app.meike.common.Ids;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The chain's saved segments (named filters): managers and tenant admins keep them, under If-Match. */
@Path("/api/v1/analytics/custom-segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
public class CustomSegmentResource {
    @Inject
    CustomSegmentService customSegments;

    @GET
    public CustomSegmentList listCustom() {
        return new CustomSegmentList(customSegments.list());
    }

    @POST
    public Response createCustom(@Valid @NotNull CustomSegmentInput body, @Context UriInfo uri) {
        CustomSegmentView created = customSegments.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{segmentId}")
    public Response getCustom(@PathParam("segmentId") String segmentId) {
        CustomSegmentView view = customSegments.get(Ids.parse("segmentId", segmentId));
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("{segmentId}")
    public Response updateCustom(@PathParam("segmentId") String segmentId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull CustomSegmentInput body) {
        CustomSegmentView view = customSegments.update(Ids.parse("segmentId", segmentId), ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @DELETE
    @Path("{segmentId}")
    public Response deleteCustom(@PathParam("segmentId") String segmentId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        customSegments.delete(Ids.parse("segmentId", segmentId), ifMatch);
        return Response.noContent().build();
    }
}
