package app.meike.tenancy;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.tenancy.ClinicDtos.ClinicCreate;
import app.meike.tenancy.ClinicDtos.ClinicPatch;
import app.meike.tenancy.ClinicDtos.ClinicView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/clinics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClinicResource {
    @Inject
    ClinicService clinics;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<ClinicView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("q") String q, @QueryParam("active") String active) {
        return clinics.list(QueryParams.text("q", q, 100), QueryParams.bool("active", active),
                PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response create(@Valid @NotNull ClinicCreate body, @Context UriInfo uri) {
        ClinicView created = clinics.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{clinicId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("clinicId") String clinicId) {
        ClinicView clinic = clinics.get(Ids.parse("clinicId", clinicId));
        return Responses.versioned(clinic.version(), clinic);
    }

    @PATCH
    @Path("{clinicId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response update(@PathParam("clinicId") String clinicId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ClinicPatch body) {
        ClinicView clinic = clinics.update(Ids.parse("clinicId", clinicId), ifMatch, body);
        return Responses.versioned(clinic.version(), clinic);
    }
}
