package app.meike.common.web;

import app.meike.common.Versions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** Response helpers for the two shapes every resource answers with: created, and versioned. */
public final class Responses {
    private Responses() {
    }

    public static Response created(UriInfo uri, UUID id, long version, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(Versions.etag(version).replace("\"", ""))
                .entity(body).build();
    }

    public static Response versioned(long version, Object body) {
        return Response.ok(body).tag(Versions.etag(version).replace("\"", "")).build();
    }
}
