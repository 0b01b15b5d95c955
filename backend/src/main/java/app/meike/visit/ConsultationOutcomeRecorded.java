package app.meike.visit;

import app.meike.visit.Consultation.Outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired synchronously when a consultation's outcome is recorded or changed, inside its transaction: follow-ups call
 * back a customer who did not convert, and stop when she did.
 */
public record ConsultationOutcomeRecorded(UUID consultationId, UUID customerId, UUID clinicId, UUID consultantId,
                                          Outcome outcome, OffsetDateTime recordedAt) {
}
