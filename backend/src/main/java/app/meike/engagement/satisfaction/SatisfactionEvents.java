package app.meike.engagement.satisfaction;

import app.meike.engagement.satisfaction.Complaint.Category;
import app.meike.engagement.satisfaction.Complaint.Severity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired synchronously inside the transaction that made them, for analytics (the satisfaction gold standard) and
 * webhooks later.
 */
public final class SatisfactionEvents {
    private SatisfactionEvents() {
    }

    /** A survey's answers arrived (through the link or from staff); `low` when they opened a complaint. */
    public record SurveySubmitted(UUID surveyId, UUID customerId, UUID clinicId, UUID consultantId, int resultScore,
                                  int experienceScore, int nps, boolean low, OffsetDateTime at) {
    }

    public record ComplaintOpened(UUID complaintId, UUID customerId, UUID clinicId, UUID surveyId, Severity severity,
                                  Category category, OffsetDateTime at) {
    }

    public record ComplaintResolved(UUID complaintId, UUID customerId, UUID clinicId, OffsetDateTime at) {
    }
}
