package app.meike.wallet;

import app.meike.tenancy.ActiveChains;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Once a day, expires every active chain's due lots (reads and movements also expire an account's own first). */
@ApplicationScoped
public class StoredValueExpiryJob {
    private static final Logger LOG = Logger.getLogger(StoredValueExpiryJob.class);

    @Inject
    ActiveChains chains;
    @Inject
    StoredValueService storedValue;

    @Scheduled(identity = "stored-value-expiry", cron = "{meike.stored-value.expiry-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDueLots() {
        chains.forEach("Stored-value expiry", chain -> {
            var result = storedValue.expireDue(null);
            if (result.lots() > 0) {
                LOG.infof("Chain %s: expired %d principal and %d bonus in %d lots of %d accounts", chain,
                        result.principal().amount(), result.bonus().amount(), result.lots(), result.accounts());
            }
        });
    }
}
