package app.meike.visit;

import app.meike.common.Clocks;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerErased;
import app.meike.customer.CustomerMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * What merging and erasing a customer means for her appointments, visits and consultations. Rows are loaded
 * through the tenant-filtered session and changed one by one (no bulk statements: see the tenancy notes).
 */
@ApplicationScoped
public class CustomerRecordsOfVisits {
    static final String ERASED = "（已删除）";

    @Inject
    Clock clock;

    /** The duplicate's history becomes the survivor's; she can't be checked in twice at once. */
    void onMerged(@Observes CustomerMerged merged) {
        boolean duplicateHere = Visit.count("customerId = ?1 and checkedOutAt is null", merged.duplicateId()) > 0;
        boolean survivorHere = Visit.count("customerId = ?1 and checkedOutAt is null", merged.survivorId()) > 0;
        if (duplicateHere && survivorHere) {
            throw ProblemException.conflict("Both customers are checked in right now; check one of the visits out"
                    + " before merging");
        }
        OffsetDateTime now = Clocks.now(clock);
        Visit.<Visit>list("customerId", merged.duplicateId()).forEach(v -> {
            v.customerId = merged.survivorId();
            v.updatedAt = now;
        });
        Appointment.<Appointment>list("customerId", merged.duplicateId()).forEach(a -> {
            a.customerId = merged.survivorId();
            a.updatedAt = now;
        });
        Consultation.<Consultation>list("customerId", merged.duplicateId()).forEach(c -> {
            c.customerId = merged.survivorId();
            c.updatedAt = now;
        });
        Visit.flush();
    }

    /**
     * Free text about her may hold health information: it goes. What she came for, which areas were assessed,
     * which items were suggested and the outcomes stay for the chain's statistics.
     */
    void onErased(@Observes CustomerErased erased) {
        OffsetDateTime now = Clocks.now(clock);
        Visit.<Visit>list("customerId = ?1 and note is not null", erased.customerId()).forEach(v -> {
            v.note = null;
            v.updatedAt = now;
        });
        Appointment.<Appointment>list("customerId = ?1 and (note is not null or cancelReason is not null)",
                erased.customerId()).forEach(a -> {
                    a.note = null;
                    a.cancelReason = a.cancelReason == null ? null : ERASED;
                    a.updatedAt = now;
                });
        Consultation.<Consultation>list("customerId", erased.customerId()).forEach(c -> {
            c.summary = null;
            c.outcomeNote = null;
            c.updatedAt = now;
            ConsultationNeed.<ConsultationNeed>list("key.consultationId", c.id).forEach(n -> {
                n.concern = ERASED;
                n.note = null;
            });
        });
        Visit.flush();
    }
}
