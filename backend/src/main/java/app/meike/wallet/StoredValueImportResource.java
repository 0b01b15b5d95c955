package app.meike.wallet;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.imports.CsvImport;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import app.meike.wallet.StoredValueDtos.StoredValueImportSummary;
import app.meike.wallet.StoredValueDtos.StoredValueImportView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;

/**
 * Opening balances imported from another system: the file is the request body (text/csv), as for customer imports.
 * Bringing money in is the tenant admin's; managers read the reports.
 */
@Path("/api/v1/stored-value/imports")
@Produces(MediaType.APPLICATION_JSON)
public class StoredValueImportResource {
    @Inject
    StoredValueImportService imports;

    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response upload(@QueryParam("fileName") String fileName, @QueryParam("clinicId") String clinicId,
                           InputStream body, @Context UriInfo uri) {
        String name = QueryParams.text("fileName", fileName, 200);
        StoredValueImportView created = imports.upload(name, QueryParams.uuid("clinicId", clinicId),
                CsvImport.read(body));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Page<StoredValueImportSummary> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return imports.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{importId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public StoredValueImportView get(@PathParam("importId") String importId) {
        return imports.get(Ids.parse("importId", importId));
    }

    @POST
    @Path("{importId}/commit")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public StoredValueImportView commit(@PathParam("importId") String importId,
                                        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return imports.commit(Ids.parse("importId", importId), idempotencyKey);
    }
}
