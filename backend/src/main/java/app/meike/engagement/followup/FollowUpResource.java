package app.meike.engagement.followup;

import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.Responses;
import app.meike.engagement.followup.FollowUpDtos.FollowUpCancellation;
import app.meike.engagement.followup.FollowUpDtos.FollowUpOutcomeInput;
import app.meike.engagement.followup.FollowUpDtos.FollowUpOutcomeResult;
import app.meike.engagement.followup.FollowUpDtos.FollowUpReassignment;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRuleCreate;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRulePatch;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRuleView;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRunResult;
import app.meike.engagement.followup.FollowUpDtos.FollowUpTaskView;
import app.meike.engagement.followup.FollowUpDtos.FollowUpWorkload;
import app.meike.engagement.followup.FollowUpDtos.TouchpointCreate;
import app.meike.engagement.followup.FollowUpDtos.TouchpointView;
import app.meike.engagement.followup.FollowUpTask.Status;
import app.meike.engagement.followup.FollowUpTaskService.Due;
import app.meike.engagement.followup.FollowUpTaskService.TaskQuery;
import app.meike.identity.Caller;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {
    @Inject
    FollowUpRuleService rules;
    @Inject
    FollowUpTaskService tasks;
    @Inject
    FollowUpRuns runs;
    @Inject
    TouchpointService touchpoints;
    @Inject
    Caller caller;

    @GET
    @Path("rules")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Page<FollowUpRuleView> listRules(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                            @QueryParam("trigger") String trigger,
                                            @QueryParam("enabled") String enabled) {
        return rules.list(QueryParams.enumValue("trigger", trigger, FollowUpTrigger.class),
                QueryParams.bool("enabled", enabled), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("rules")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response createRule(@Valid @NotNull FollowUpRuleCreate body, @Context UriInfo uri) {
        FollowUpRuleView rule = rules.create(body);
        return Responses.created(uri, rule.id(), rule.version(), rule);
    }

    @GET
    @Path("rules/{ruleId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public Response getRule(@PathParam("ruleId") String ruleId) {
        FollowUpRuleView rule = rules.get(Ids.parse("ruleId", ruleId));
        return Responses.versioned(rule.version(), rule);
    }

    @PATCH
    @Path("rules/{ruleId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response updateRule(@PathParam("ruleId") String ruleId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull FollowUpRulePatch body) {
        FollowUpRuleView rule = rules.update(Ids.parse("ruleId", ruleId), ifMatch, body);
        return Responses.versioned(rule.version(), rule);
    }

    @POST
    @Path("runs")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public FollowUpRunResult run() {
        return runs.run();
    }

    @GET
    @Path("tasks")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public Page<FollowUpTaskView> listTasks(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                            @QueryParam("assigneeId") String assigneeId,
                                            @QueryParam("clinicId") String clinicId,
                                            @QueryParam("customerId") String customerId,
                                            @QueryParam("status") String status,
                                            @QueryParam("trigger") String trigger, @QueryParam("due") String due,
                                            @QueryParam("dueFrom") String dueFrom,
                                            @QueryParam("dueTo") String dueTo) {
        TaskQuery query = new TaskQuery(assignee(assigneeId), QueryParams.uuid("clinicId", clinicId),
                QueryParams.uuid("customerId", customerId), QueryParams.enumValue("status", status, Status.class),
                QueryParams.enumValue("trigger", trigger, FollowUpTrigger.class),
                QueryParams.enumValue("due", due, Due.class), date("dueFrom", dueFrom), date("dueTo", dueTo));
        return tasks.list(query, PageRequest.ofTimed(limit, cursor));
    }

    @GET
    @Path("tasks/{taskId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public FollowUpTaskView getTask(@PathParam("taskId") String taskId) {
        return tasks.get(Ids.parse("taskId", taskId));
    }

    @POST
    @Path("tasks/{taskId}/outcome")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK})
    public FollowUpOutcomeResult recordOutcome(@PathParam("taskId") String taskId,
                                               @Valid @NotNull FollowUpOutcomeInput body) {
        return tasks.recordOutcome(Ids.parse("taskId", taskId), body);
    }

    @POST
    @Path("tasks/{taskId}/reassign")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public FollowUpTaskView reassign(@PathParam("taskId") String taskId, @Valid @NotNull FollowUpReassignment body) {
        return tasks.reassign(Ids.parse("taskId", taskId), body);
    }

    @POST
    @Path("tasks/{taskId}/cancel")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public FollowUpTaskView cancel(@PathParam("taskId") String taskId, @Valid @NotNull FollowUpCancellation body) {
        return tasks.cancel(Ids.parse("taskId", taskId), body);
    }

    @GET
    @Path("workload")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    public List<FollowUpWorkload> workload(@QueryParam("clinicId") String clinicId) {
        return tasks.workload(QueryParams.uuid("clinicId", clinicId));
    }

    @POST
    @Path("touchpoints")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public Response recordTouchpoint(@Valid @NotNull TouchpointCreate body) {
        return Response.status(Response.Status.CREATED).entity(touchpoints.record(body)).build();
    }

    @GET
    @Path("touchpoints")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.FRONT_DESK, Roles.CLINICIAN})
    public Page<TouchpointView> listTouchpoints(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                                @QueryParam("customerId") String customerId,
                                                @QueryParam("staffId") String staffId) {
        return touchpoints.list(QueryParams.uuid("customerId", customerId), QueryParams.uuid("staffId", staffId),
                PageRequest.ofTimed(limit, cursor));
    }

    /** `me` is the caller's own queue. */
    private UUID assignee(String value) {
        if ("me".equals(value)) {
            return caller.staffId() != null ? caller.staffId() : new UUID(0, 0);
        }
        return QueryParams.uuid("assigneeId", value);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 date such as 2026-03-01");
        }
    }
}
