package app.meike.customer;

import app.meike.common.Ids;
import app.meike.common.QueryParams;
import app.meike.common.imports.CsvImport;
import app.meike.customer.CustomerDtos.CustomerImportView;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** Customer imports: the file is the request body (text/csv), as a browser or curl sends a file. */
@Path("/api/v1/customer-imports")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerImportResource {
    static final String CSV = "text/csv";

    @Inject
    CustomerImportService imports;

    @POST
    @Consumes(CSV)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.INTEGRATOR})
    public Response upload(@QueryParam("fileName") String fileName, InputStream body, @Context UriInfo uri) {
        String file = CsvImport.read(body);
        CustomerImportView created = imports.upload(QueryParams.text("fileName", fileName, 200), file);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{importId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.INTEGRATOR})
    public CustomerImportView get(@PathParam("importId") String importId) {
        return imports.get(Ids.parse("importId", importId));
    }

    @POST
    @Path("{importId}/commit")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.INTEGRATOR})
    public CustomerImportView commit(@PathParam("importId") String importId) {
        return imports.commit(Ids.parse("importId", importId));
    }
}
