package app.meike.engagement.followup;

import app.meike.tenancy.ActiveChains;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Once a day, every active chain's date-driven follow-up rules make the day's tasks. */
@ApplicationScoped
public class FollowUpJob {
    private static final Logger LOG = Logger.getLogger(FollowUpJob.class);

    @Inject
    ActiveChains chains;
    @Inject
    FollowUpRuns runs;

    @Scheduled(identity = "follow-ups", cron = "{meike.follow-ups.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void makeTheDaysTasks() {
        chains.forEach("Follow-ups", chain -> {
            var result = runs.run();
            if (result.created() > 0) {
                LOG.infof("Chain %s: %d follow-up tasks for %s", chain, result.created(), result.day());
            }
        });
    }
}
