package app.meike.engagement.satisfaction;

import app.meike.common.Clocks;
import app.meike.customer.CustomerErased;
import app.meike.customer.CustomerMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Surveys and complaints follow the customer record: a merged duplicate's become the survivor's; an erased
 * customer's texts go (her comments and what was noted about her complaints may hold health information), while the
 * scores and the complaints' course stay for the averages and the record. Rows are loaded through the tenant filter
 * and changed one by one (no bulk statements: HHH-20883).
 */
@ApplicationScoped
class SatisfactionCustomers {
    /** A resolved complaint keeps a note (the schema requires one), not what it said. */
    static final String ERASED_NOTE = "(erased at the customer's request)";

    @Inject
    Clock clock;

    void merged(@Observes CustomerMerged merged) {
        OffsetDateTime now = Clocks.now(clock);
        Survey.<Survey>list("customerId", merged.duplicateId()).forEach(s -> {
            s.customerId = merged.survivorId();
            s.updatedAt = now;
        });
        Complaint.<Complaint>list("customerId", merged.duplicateId()).forEach(c -> {
            c.customerId = merged.survivorId();
            c.updatedAt = now;
        });
    }

    void erased(@Observes CustomerErased erased) {
        OffsetDateTime now = Clocks.now(clock);
        Survey.<Survey>list("customerId = ?1 and comment is not null", erased.customerId()).forEach(s -> {
            s.comment = null;
            s.updatedAt = now;
        });
        Complaint.<Complaint>list("customerId = ?1 and (description is not null or resolutionNote is not null)",
                erased.customerId()).forEach(c -> {
                    c.description = null;
                    c.resolutionNote = c.resolutionNote == null ? null : ERASED_NOTE;
                    c.updatedAt = now;
                });
    }
}
