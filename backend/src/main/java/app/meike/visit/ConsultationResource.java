package app.meike.visit;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.Responses;
import app.meike.identity.Roles;
import app.meike.visit.Consultation.Outcome;
import app.meike.visit.ConsultationDtos.AnalysisDimension;
import app.meike.visit.ConsultationDtos.ConsultationCreate;
import app.meike.visit.ConsultationDtos.ConsultationPatch;
import app.meike.visit.ConsultationDtos.ConsultationView;
import app.meike.visit.ConsultationDtos.ConversionAnalysis;
import app.meike.visit.ConsultationService.ConsultationQuery;
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

import java.time.OffsetDateTime;

/** Consultations hold health-related assessments: the front desk and integrators don't read them. */
@Path("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationResource {
    @Inject
    ConsultationService consultations;
    @Inject
    ConsultationAnalysisService analysis;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.CLINICIAN})
    public Page<ConsultationView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                       @QueryParam("customerId") String customerId,
                                       @QueryParam("consultantId") String consultantId,
                                       @QueryParam("clinicId") String clinicId,
                                       @QueryParam("visitId") String visitId,
                                       @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        ConsultationQuery query = new ConsultationQuery(QueryParams.uuid("customerId", customerId),
                QueryParams.uuid("consultantId", consultantId), QueryParams.uuid("clinicId", clinicId),
                QueryParams.uuid("visitId", visitId), QueryParams.enumValue("outcome", outcome, Outcome.class),
                QueryParams.time("from", from), QueryParams.time("to", to));
        return consultations.list(query, PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public Response create(@Valid @NotNull ConsultationCreate body, @Context UriInfo uri) {
        ConsultationView created = consultations.create(body);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("analysis")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public ConversionAnalysis analysis(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("clinicId") String clinicId) {
        AnalysisDimension dimension = QueryParams.enumValue("groupBy", groupBy, AnalysisDimension.class);
        return analysis.analyse(dimension == null ? AnalysisDimension.CONSULTANT : dimension,
                required("from", QueryParams.time("from", from)), required("to", QueryParams.time("to", to)),
                QueryParams.uuid("clinicId", clinicId));
    }

    @GET
    @Path("{consultationId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.CLINICIAN})
    public Response get(@PathParam("consultationId") String consultationId) {
        ConsultationView consultation = consultations.get(Ids.parse("consultationId", consultationId));
        return Responses.versioned(consultation.version(), consultation);
    }

    @PATCH
    @Path("{consultationId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT})
    public Response update(@PathParam("consultationId") String consultationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ConsultationPatch body) {
        ConsultationView consultation = consultations.update(Ids.parse("consultationId", consultationId), ifMatch,
                body);
        return Responses.versioned(consultation.version(), consultation);
    }

    private static OffsetDateTime required(String name, OffsetDateTime value) {
        if (value == null) {
            throw ProblemException.invalidField(name, "is required");
        }
        return value;
    }
}
