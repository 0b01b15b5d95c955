package app.meike.catalog;

import app.meike.catalog.PackTemplateDtos.PackTemplateCreate;
import app.meike.catalog.PackTemplateDtos.PackTemplatePatch;
import app.meike.catalog.PackTemplateDtos.PackTemplateView;
import app.meike.catalog.PackTemplateService.TemplateQuery;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
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

/** Session-pack templates: everyone who sells or redeems reads them, the chain admin writes them. */
@Path("/api/v1/session-packs/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PackTemplateResource {
    @Inject
    PackTemplateService templates;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<PackTemplateView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                       @QueryParam("q") String q, @QueryParam("active") String active,
                                       @QueryParam("clinicId") String clinicId) {
        TemplateQuery query = new TemplateQuery(QueryParams.text("q", q, 100), QueryParams.bool("active", active),
                QueryParams.uuid("clinicId", clinicId));
        return templates.list(query, PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response create(@Valid @NotNull PackTemplateCreate body, @Context UriInfo uri) {
        PackTemplateView created = templates.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{templateId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("templateId") String templateId) {
        PackTemplateView template = templates.get(Ids.parse("templateId", templateId));
        return Responses.versioned(template.version(), template);
    }

    @PATCH
    @Path("{templateId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response update(@PathParam("templateId") String templateId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PackTemplatePatch body) {
        PackTemplateView template = templates.update(Ids.parse("templateId", templateId), ifMatch, body);
        return Responses.versioned(template.version(), template);
    }
}
