package app.meike.integration;

import app.meike.common.Clocks;
import app.meike.tenancy.ActiveChains;
import app.meike.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * Forgets Idempotency-Keys once no client retries with them any more: a retry must come within the retention
 * period (30 days unless configured), after which the key could be used again.
 */
@ApplicationScoped
public class IdempotencyKeyRetention {
    private static final Logger LOG = Logger.getLogger(IdempotencyKeyRetention.class);

    @Inject
    TenantContext tenantContext;
    @Inject
    ActiveChains chains;
    @Inject
    Clock clock;
    @ConfigProperty(name = "meike.idempotency.retention-days", defaultValue = "30")
    int retentionDays;

    @Scheduled(identity = "idempotency-key-retention", cron = "{meike.idempotency.retention-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredKeys() {
        chains.forEach("Forgetting idempotency keys", chain -> {
            int forgotten = forgetExpiredKeys(chain);
            if (forgotten > 0) {
                LOG.infof("Chain %s: forgot %d idempotency keys older than %d days", chain, forgotten,
                        retentionDays);
            }
        });
    }

    /** Deletes the chain's keys older than the retention period; answers how many. */
    @ActivateRequestContext
    public int forgetExpiredKeys(UUID chain) {
        return tenantContext.callAs(chain, () -> QuarkusTransaction.requiringNew().call(() ->
                Panache.getEntityManager().createNativeQuery("DELETE FROM idempotency_key WHERE tenant_id = :tenant"
                                + " AND created_at < :cutoff")
                        .setParameter("tenant", chain)
                        .setParameter("cutoff", Clocks.now(clock).minusDays(retentionDays))
                        .executeUpdate()));
    }
}
