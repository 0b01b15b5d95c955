package app.meike.tenancy;

import app.meike.common.persistence.Filter;
import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.identity.StaffService.NewStaff;
import app.meike.membership.MembershipProgramService;
import app.meike.membership.PointsRulesService;
import app.meike.tenancy.TenantDtos.TenantCreate;
import app.meike.tenancy.TenantDtos.TenantCreated;
import app.meike.tenancy.TenantDtos.TenantPatch;
import app.meike.tenancy.TenantDtos.TenantSummary;
import app.meike.tenancy.TenantDtos.TenantView;
import app.meike.wallet.StoredValueRulesService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Clinic chains: created, renamed, suspended and reactivated by the platform operator. */
@ApplicationScoped
public class TenantService {
    @Inject
    TenantContext tenantContext;
    @Inject
    StaffService staffService;
    @Inject
    PointsRulesService pointsRules;
    @Inject
    StoredValueRulesService storedValueRules;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    MembershipProgramService membershipPrograms;
    @Inject
    TenantSummaries summaries;

    public Optional<TenantStatus> statusOf(UUID tenantId) {
        return summaryOf(tenantId).map(TenantSummary::status);
    }

    /** The chain as this request first read it (outside a request: as it is now). */
    public Optional<TenantSummary> summaryOf(UUID tenantId) {
        return Arc.container().requestContext().isActive() ? summaries.get(tenantId, TenantService::read)
                : read(tenantId);
    }

    /** The chain as read for this request elsewhere (the access gate's one statement): later reads use it. */
    public void remember(UUID tenantId, Optional<TenantSummary> summary) {
        summaries.put(tenantId, summary);
    }

    /** The zone a new clinic gets when none is given. */
    public String timeZoneOf(UUID tenantId) {
        return summaryOf(tenantId).map(TenantSummary::timeZone).orElse(Zones.DEFAULT_ZONE);
    }

    /** The currency every amount of the chain is in. */
    public String currencyOf(UUID tenantId) {
        return summaryOf(tenantId).map(TenantSummary::currency).orElse(Zones.DEFAULT_CURRENCY);
    }

    private static Optional<TenantSummary> read(UUID tenantId) {
        return Tenant.<Tenant>findByIdOptional(tenantId)
                .map(t -> new TenantSummary(t.id, t.slug, t.name, t.status, t.currency, t.timeZone));
    }

    /** The active chains, for work done for each of them (jobs); the caller acts as the platform. */
    public List<UUID> activeTenantIds() {
        return Tenant.<Tenant>list("status = ?1 order by id", TenantStatus.ACTIVE).stream().map(t -> t.id).toList();
    }

    public Page<TenantView> list(String q, TenantStatus status, PageRequest page) {
        Filter filter = new Filter()
                .containing(q, "name", "slug")
                .and("status = :status", "status", status)
                .and("id > :after", "after", page.after());
        List<Tenant> rows = Tenant.<Tenant>find(filter.where() + " order by id", filter.params())
                .page(0, page.fetchSize()).list();
        return page.page(rows, t -> t.id, TenantView::of);
    }

    public TenantView get(UUID id) {
        return TenantView.of(find(id));
    }

    /**
     * Creates the chain and its first tenant admin in one transaction, after provisioning the admin's login in
     * Keycloak; if the transaction fails the login is removed again.
     */
    public TenantCreated create(TenantCreate request) {
        String zone = Zones.zone("timeZone", request.timeZone(), Zones.DEFAULT_ZONE);
        String currency = Zones.currency(request.currency());
        if (Tenant.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("A clinic chain with slug '" + request.slug() + "' already exists");
        }
        UUID tenantId = Ids.newId();
        NewStaff admin = new NewStaff(request.admin().username(), request.admin().email(),
                request.admin().displayName(), null, List.of(Roles.TENANT_ADMIN), true, List.of());
        return tenantContext.callAs(tenantId, () -> staffService.provision(admin, (userId, password) ->
                QuarkusTransaction.requiringNew().call(() -> {
                    OffsetDateTime now = Clocks.now(clock);
                    Tenant tenant = new Tenant();
                    tenant.id = tenantId;
                    tenant.slug = request.slug();
                    tenant.name = request.name().trim();
                    tenant.status = TenantStatus.ACTIVE;
                    tenant.currency = currency;
                    tenant.timeZone = zone;
                    tenant.createdAt = now;
                    tenant.updatedAt = now;
                    tenant.persistAndFlush();
                    ChainSettings.withDefaults(now).persist();
                    membershipPrograms.createFor(now);
                    pointsRules.createDefaults(now);
                    storedValueRules.createDefaults(now);
                    audit.record("tenant.created", "tenant", tenantId,
                            Map.of("slug", tenant.slug, "name", tenant.name));
                    var staff = staffService.insert(admin, userId);
                    return new TenantCreated(TenantView.of(tenant), staff, password);
                })));
    }

    /** Renames, re-zones, suspends or reactivates a chain; the change is audited in the chain's own log. */
    public TenantView update(UUID id, String ifMatch, TenantPatch patch) {
        if (patch.name == null && patch.timeZone == null && patch.status == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        find(id);
        return tenantContext.callAs(id, () -> QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = find(id);
            Versions.requireMatch(ifMatch, tenant.version);
            Changes changes = new Changes();
            if (patch.name != null && changes.track("name", tenant.name, patch.name.get().trim())) {
                tenant.name = patch.name.get().trim();
            }
            if (patch.timeZone != null) {
                String zone = Zones.zone("timeZone", patch.timeZone.get(), null);
                if (changes.track("timeZone", tenant.timeZone, zone)) {
                    tenant.timeZone = zone;
                }
            }
            String action = "tenant.updated";
            if (patch.status != null && changes.track("status", tenant.status, patch.status.get())) {
                tenant.status = patch.status.get();
                action = tenant.status == TenantStatus.SUSPENDED ? "tenant.suspended" : "tenant.reactivated";
            }
            if (!changes.isEmpty()) {
                tenant.updatedAt = Clocks.now(clock);
                tenant.persistAndFlush();
                summaries.forget(id);
                audit.record(action, "tenant", id, changes.asMap());
            }
            return TenantView.of(tenant);
        }));
    }

    private static Tenant find(UUID id) {
        return Tenant.<Tenant>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Clinic chain"));
    }
}
