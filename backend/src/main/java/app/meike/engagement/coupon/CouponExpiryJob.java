package app.meike.engagement.coupon;

import app.meike.tenancy.ActiveChains;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Once a day, marks every active chain's lapsed coupons EXPIRED (they stop applying at expiry regardless). */
@ApplicationScoped
public class CouponExpiryJob {
    private static final Logger LOG = Logger.getLogger(CouponExpiryJob.class);

    @Inject
    ActiveChains chains;
    @Inject
    CouponService coupons;

    @Scheduled(identity = "coupon-expiry", cron = "{meike.coupons.expiry-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        chains.forEach("Coupon expiry", chain -> {
            int expired = coupons.expireDue(null).expired();
            if (expired > 0) {
                LOG.infof("Chain %s: %d coupons expired", chain, expired);
            }
        });
    }
}
