package app.meike.customer;

import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerExportService.Export;
import app.meike.customer.CustomerExportService.Format;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.Locale;

/** The customer list as a file: CSV (UTF-8 with BOM, for Excel) or XLSX, with the list's filters. */
@Path("/api/v1/customer-export")
public class CustomerExportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CustomerExportService exports;

    @GET
    @Produces({"text/csv", XLSX, "application/problem+json"})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response export(@QueryParam("format") String format, @BeanParam CustomerFilterParams filters) {
        if (format == null || format.isEmpty()) {
            throw ProblemException.invalidField("format", "is required: csv or xlsx");
        }
        Format chosen = QueryParams.enumValue("format", format.toUpperCase(Locale.ROOT), Format.class);
        Export export = exports.start(filters.query(), chosen);
        StreamingOutput body = out -> exports.write(export, out);
        return Response.ok(body, chosen == Format.CSV ? "text/csv; charset=UTF-8" : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .header("X-Total-Count", export.rows())
                .build();
    }
}
