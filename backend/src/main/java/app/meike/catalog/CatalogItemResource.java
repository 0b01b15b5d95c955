package app.meike.catalog;

import app.meike.catalog.CatalogDtos.CatalogItemCreate;
import app.meike.catalog.CatalogDtos.CatalogItemPatch;
import app.meike.catalog.CatalogDtos.CatalogItemView;
import app.meike.catalog.CatalogService.ItemQuery;
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

@Path("/api/v1/catalog/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogItemResource {
    @Inject
    CatalogService catalog;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Page<CatalogItemView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                      @QueryParam("q") String q, @QueryParam("category") String category,
                                      @QueryParam("active") String active,
                                      @QueryParam("entryLevel") String entryLevel,
                                      @QueryParam("clinicId") String clinicId) {
        ItemQuery query = new ItemQuery(QueryParams.text("q", q, 100),
                QueryParams.enumValue("category", category, ItemCategory.class), QueryParams.bool("active", active),
                QueryParams.bool("entryLevel", entryLevel), QueryParams.uuid("clinicId", clinicId));
        return catalog.list(query, PageRequest.of(limit, cursor));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response create(@Valid @NotNull CatalogItemCreate body, @Context UriInfo uri) {
        CatalogItemView created = catalog.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{itemId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN,
            Roles.INTEGRATOR})
    public Response get(@PathParam("itemId") String itemId) {
        CatalogItemView item = catalog.get(Ids.parse("itemId", itemId));
        return Responses.versioned(item.version(), item);
    }

    @PATCH
    @Path("{itemId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response update(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CatalogItemPatch body) {
        CatalogItemView item = catalog.update(Ids.parse("itemId", itemId), ifMatch, body);
        return Responses.versioned(item.version(), item);
    }
}
