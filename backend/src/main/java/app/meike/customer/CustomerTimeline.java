package app.meike.customer;

import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.problem.ProblemException;
import app.meike.customer.TimelineSource.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The customer 360 timeline: every feature's entries about her, merged newest first. */
@ApplicationScoped
public class CustomerTimeline {
    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::id).reversed();

    @Inject
    Instance<TimelineSource> sources;

    public Page<TimelineEntry> of(UUID customerId, PageRequest page) {
        if (Customer.count("id", customerId) == 0) {
            throw ProblemException.notFound("Customer");
        }
        // Each source answers its newest page; the merged page is the newest of all of them.
        List<TimelineEntry> newest = sources.stream()
                .flatMap(s -> s.entries(customerId, page).stream())
                .sorted(NEWEST_FIRST)
                .limit(page.fetchSize())
                .toList();
        return page.pageByTime(newest, TimelineEntry::at, TimelineEntry::id, Function.identity());
    }
}
