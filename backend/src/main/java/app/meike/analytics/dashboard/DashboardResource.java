package app.meike.analytics.dashboard;

import app.meike.analytics.dashboard.DashboardDtos.ConsultantsPanel;
import app.meike.analytics.dashboard.DashboardDtos.ConsultationsPanel;
import app.meike.analytics.dashboard.DashboardDtos.CustomersPanel;
import app.meike.analytics.dashboard.DashboardDtos.EngagementPanel;
import app.meike.analytics.dashboard.DashboardDtos.LiabilitiesPanel;
import app.meike.analytics.dashboard.DashboardDtos.MembershipPanel;
import app.meike.analytics.dashboard.DashboardDtos.RevenueInterval;
import app.meike.analytics.dashboard.DashboardDtos.RevenuePanel;
import app.meike.analytics.dashboard.DashboardScope.Scope;
import app.meike.common.QueryParams;
import app.meike.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The chain and clinic dashboard, one endpoint per panel so that each loads and answers on its own. Managers and
 * tenant admins only (a clinic-limited manager sees their clinics), like the other chain-wide reports.
 */
@Path("/api/v1/analytics/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
public class DashboardResource {
    @Inject
    DashboardService dashboards;
    @Inject
    DashboardScope scopes;

    /** The query parameters every panel takes. */
    public static class PeriodParams {
        @QueryParam("from")
        String from;
        @QueryParam("to")
        String to;
        @QueryParam("clinicId")
        String clinicId;
    }

    @GET
    @Path("revenue")
    public RevenuePanel revenue(@BeanParam PeriodParams params, @QueryParam("interval") String interval) {
        Scope scope = scope(params);
        return dashboards.revenue(scope, QueryParams.enumValue("interval", interval, RevenueInterval.class));
    }

    @GET
    @Path("customers")
    public CustomersPanel customers(@BeanParam PeriodParams params) {
        return dashboards.customers(scope(params));
    }

    @GET
    @Path("consultations")
    public ConsultationsPanel consultations(@BeanParam PeriodParams params) {
        return dashboards.consultations(scope(params));
    }

    @GET
    @Path("membership")
    public MembershipPanel membership(@BeanParam PeriodParams params) {
        return dashboards.membership(scope(params));
    }

    @GET
    @Path("liabilities")
    public LiabilitiesPanel liabilities(@BeanParam PeriodParams params) {
        return dashboards.liabilities(scope(params));
    }

    @GET
    @Path("engagement")
    public EngagementPanel engagement(@BeanParam PeriodParams params) {
        return dashboards.engagement(scope(params));
    }

    @GET
    @Path("consultants")
    public ConsultantsPanel consultants(@BeanParam PeriodParams params) {
        return dashboards.consultants(scope(params));
    }

    private Scope scope(PeriodParams params) {
        return scopes.of(QueryParams.time("from", params.from), QueryParams.time("to", params.to),
                QueryParams.uuid("clinicId", params.clinicId));
    }
}
