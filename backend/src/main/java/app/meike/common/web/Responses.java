package app.meike.common.web;

import app.meike.common.Versions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.UUID;

/** Response helpers for the two shapes every resource answers with: created, and versioned. */
public final class Responses {
    private Responses() {
    }

    public static Response created(UriInfo uri, UUID id, long version, Object body) {
        return created(uri.getAbsolutePathBuilder().path(id.toString()).build(), version, body);
    }

    /** Created somewhere other than under the request's path (an action that makes another resource). */
    public static Response created(URI location, long version, Object body) {
        return Response.created(location).tag(Versions.etag(version).replace("\"", "")).entity(body).build();
    }

    public static Response versioned(long version, Object body) {
        return Response.ok(body).tag(Versions.etag(version).replace("\"", "")).build();
    }
}
