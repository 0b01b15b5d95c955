package app.meike.engagement.satisfaction;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.web.Responses;
import app.meike.engagement.satisfaction.ComplaintService.ComplaintQuery;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintCreate;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintReassignment;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintStatusChange;
import app.meike.engagement.satisfaction.SatisfactionDtos.ComplaintView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionRulesUpdate;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionRulesView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionSummary;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyLinkCreate;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyLinkCreated;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyRecord;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyView;
import app.meike.engagement.satisfaction.SatisfactionSummaryService.By;
import app.meike.engagement.satisfaction.SurveyService.SurveyQuery;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Satisfaction: the chain's rules (tenant admins), surveys and links (everyone who sees customers at the desk or in
 * consultation), complaints (managers work them; the desk and consultants open and follow them) and the summary
 * (managers). Clinic-limited staff see and act on their clinics only.
 */
@Path("/api/v1/satisfaction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SatisfactionResource {
    @Inject
    SatisfactionRulesService rules;
    @Inject
    SurveyService surveys;
    @Inject
    ComplaintService complaints;
    @Inject
    SatisfactionSummaryService summaries;

    @GET
    @Path("rules")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Response getRules() {
        SatisfactionRulesView view = rules.get();
        return Responses.versioned(view.version(), view);
    }

    @PUT
    @Path("rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull SatisfactionRulesUpdate body) {
        SatisfactionRulesView view = rules.update(ifMatch, body);
        return Responses.versioned(view.version(), view);
    }

    @POST
    @Path("surveys")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Response recordSurvey(@Valid @NotNull SurveyRecord body) {
        return Response.status(Response.Status.CREATED).entity(surveys.record(body)).build();
    }

    @GET
    @Path("surveys")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Page<SurveyView> listSurveys(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                        @QueryParam("customerId") String customerId,
                                        @QueryParam("clinicId") String clinicId,
                                        @QueryParam("visitId") String visitId, @QueryParam("status") String status) {
        return surveys.list(new SurveyQuery(QueryParams.uuid("customerId", customerId),
                QueryParams.uuid("clinicId", clinicId), QueryParams.uuid("visitId", visitId),
                QueryParams.enumValue("status", status, Survey.Status.class)), PageRequest.ofTimed(limit, cursor));
    }

    @GET
    @Path("surveys/{surveyId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public SurveyView getSurvey(@PathParam("surveyId") String surveyId) {
        return surveys.get(Ids.parse("surveyId", surveyId));
    }

    @POST
    @Path("survey-links")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Response createSurveyLink(@Valid @NotNull SurveyLinkCreate body) {
        SurveyLinkCreated created = surveys.createLink(body);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public SatisfactionSummary getSummary(@QueryParam("by") String by, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("clinicId") String clinicId) {
        By grouping = QueryParams.enumValue("by", by, By.class);
        return summaries.summary(grouping == null ? By.CLINIC : grouping, QueryParams.time("from", from),
                QueryParams.time("to", to), QueryParams.uuid("clinicId", clinicId));
    }

    @GET
    @Path("complaints")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Page<ComplaintView> listComplaints(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                              @QueryParam("status") String status,
                                              @QueryParam("severity") String severity,
                                              @QueryParam("overdue") String overdue,
                                              @QueryParam("clinicId") String clinicId,
                                              @QueryParam("customerId") String customerId,
                                              @QueryParam("ownerId") String ownerId) {
        return complaints.list(new ComplaintQuery(QueryParams.enumValue("status", status, Complaint.Status.class),
                QueryParams.enumValue("severity", severity, Complaint.Severity.class),
                QueryParams.bool("overdue", overdue), QueryParams.uuid("clinicId", clinicId),
                QueryParams.uuid("customerId", customerId), QueryParams.uuid("ownerId", ownerId)),
                PageRequest.ofTimed(limit, cursor));
    }

    @POST
    @Path("complaints")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Response openComplaint(@Valid @NotNull ComplaintCreate body) {
        return Response.status(Response.Status.CREATED).entity(complaints.open(body)).build();
    }

    @GET
    @Path("complaints/{complaintId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public ComplaintView getComplaint(@PathParam("complaintId") String complaintId) {
        return complaints.get(Ids.parse("complaintId", complaintId));
    }

    @POST
    @Path("complaints/{complaintId}/status")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public ComplaintView changeComplaintStatus(@PathParam("complaintId") String complaintId,
                                               @Valid @NotNull ComplaintStatusChange body) {
        return complaints.changeStatus(Ids.parse("complaintId", complaintId), body);
    }

    @POST
    @Path("complaints/{complaintId}/reassign")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public ComplaintView reassignComplaint(@PathParam("complaintId") String complaintId,
                                           @Valid @NotNull ComplaintReassignment body) {
        return complaints.reassign(Ids.parse("complaintId", complaintId), body);
    }
}
