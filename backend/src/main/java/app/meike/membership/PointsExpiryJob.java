package app.meike.membership;

import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/** Once a day, expires every active chain's due lots (reads and movements also expire a customer's own first). */
@ApplicationScoped
public class PointsExpiryJob {
    private static final Logger LOG = Logger.getLogger(PointsExpiryJob.class);

    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    PointsService points;

    @Scheduled(identity = "points-expiry", cron = "{meike.points.expiry-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void expireDueLots() {
        tenantContext.actAsPlatform();
        List<UUID> chains = QuarkusTransaction.requiringNew().call(tenants::activeTenantIds);
        for (UUID chain : chains) {
            try {
                var result = tenantContext.callAs(chain, () -> points.expireDue(null));
                if (result.lots() > 0) {
                    LOG.infof("Chain %s: expired %d points in %d lots of %d customers", chain, result.points(),
                            result.lots(), result.customers());
                }
            } catch (RuntimeException e) {
                // One chain's failure must not keep the others' points from expiring; it is retried tomorrow.
                LOG.errorf(e, "Chain %s: points expiry failed", chain);
            }
        }
    }
}
