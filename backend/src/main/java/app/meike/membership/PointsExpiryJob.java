package app.meike.membership;

import app.meike.tenancy.ActiveChains;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Once a day, expires every active chain's due lots (reads and movements also expire a customer's own first). */
@ApplicationScoped
public class PointsExpiryJob {
    private static final Logger LOG = Logger.getLogger(PointsExpiryJob.class);

    @Inject
    ActiveChains chains;
    @Inject
    PointsService points;

    @Scheduled(identity = "points-expiry", cron = "{meike.points.expiry-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDueLots() {
        chains.forEach("Points expiry", chain -> {
            var result = points.expireDue(null);
            if (result.lots() > 0) {
                LOG.infof("Chain %s: expired %d points in %d lots of %d customers", chain, result.points(),
                        result.lots(), result.customers());
            }
        });
    }
}
