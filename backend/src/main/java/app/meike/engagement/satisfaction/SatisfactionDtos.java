package app.meike.engagement.satisfaction;

import app.meike.engagement.satisfaction.Complaint.Category;
import app.meike.engagement.satisfaction.Complaint.Severity;
import app.meike.engagement.satisfaction.Survey.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The satisfaction API's bodies (schemas Satisfaction*, Survey*, Complaint* and PublicSurvey*, in openapi.yaml). */
public final class SatisfactionDtos {
    static final int MAX_HOURS = 720;

    private SatisfactionDtos() {
    }

    public record SatisfactionRulesView(boolean configured, int lowScoreMax, int lowNpsMax, int linkValidHours,
                                        SlaHours slaHours, OffsetDateTime updatedAt, long version) {
    }

    public record SlaHours(@NotNull @Min(1) @Max(MAX_HOURS) Integer high, @NotNull @Min(1) @Max(MAX_HOURS) Integer medium,
                           @NotNull @Min(1) @Max(MAX_HOURS) Integer low) {
    }

    public record SatisfactionRulesUpdate(@NotNull @Min(1) @Max(4) Integer lowScoreMax,
                                          @NotNull @Min(0) @Max(9) Integer lowNpsMax,
                                          @NotNull @Min(1) @Max(MAX_HOURS) Integer linkValidHours,
                                          @NotNull @Valid SlaHours slaHours) {
    }

    /** The customer's answers: result against expectation and the visit's experience 1–5, NPS 0–10. */
    public record SurveyAnswers(@NotNull @Min(1) @Max(5) Integer resultScore,
                                @NotNull @Min(1) @Max(5) Integer experienceScore,
                                @NotNull @Min(0) @Max(10) Integer nps, @Size(max = 2000) String comment) {
    }

    /** Answers staff record for a visit (from a paper form, a call); `itemIds` the items treated at the visit. */
    public record SurveyRecord(@NotNull UUID visitId, @NotNull @Min(1) @Max(5) Integer resultScore,
                               @NotNull @Min(1) @Max(5) Integer experienceScore,
                               @NotNull @Min(0) @Max(10) Integer nps, @Size(max = 2000) String comment,
                               @Size(max = 20) List<@NotNull UUID> itemIds) {
        SurveyAnswers answers() {
            return new SurveyAnswers(resultScore, experienceScore, nps, comment);
        }
    }

    public record SurveyLinkCreate(@NotNull UUID visitId, @Size(max = 20) List<@NotNull UUID> itemIds) {
    }

    /** The new link: `token` is shown once and never stored (only its hash is). */
    public record SurveyLinkCreated(SurveyView survey, String token, String path, OffsetDateTime expiresAt) {
    }

    public record SurveyView(UUID id, UUID visitId, UUID customerId, String customerName, UUID clinicId,
                             String clinicName, UUID consultantId, String consultantName, OffsetDateTime visitedAt,
                             Channel channel, Survey.Status status, OffsetDateTime linkExpiresAt, Integer resultScore,
                             Integer experienceScore, Integer nps, String comment, OffsetDateTime submittedAt,
                             List<SurveyItemView> items, UUID complaintId, OffsetDateTime createdAt, long version) {
    }

    public record SurveyItemView(UUID id, String name) {
    }

    /** What the customer sees through her link: no phone, nothing of anyone else. */
    public record PublicSurveyView(String clinicName, LocalDate visitDate, List<String> items, boolean submitted,
                                   OffsetDateTime expiresAt) {
    }

    public record PublicSurveySubmitted(boolean submitted, String message) {
    }

    public record ComplaintCreate(@NotNull UUID customerId, @NotNull UUID clinicId, UUID visitId,
                                  @NotNull Severity severity, @NotNull Category category,
                                  @NotBlank @Size(max = 2000) String description, UUID ownerId) {
    }

    public record ComplaintStatusChange(@NotNull Complaint.Status status, @Size(max = 2000) String note) {
    }

    public record ComplaintReassignment(@NotNull UUID ownerId) {
    }

    public record ComplaintView(UUID id, UUID customerId, String customerName, UUID clinicId, String clinicName,
                                UUID visitId, UUID surveyId, Severity severity, Category category,
                                Complaint.Status status, UUID ownerId, String ownerName, String description,
                                String resolutionNote, OffsetDateTime openedAt, String openedBy, OffsetDateTime dueAt,
                                boolean overdue, OffsetDateTime resolvedAt, UUID resolvedBy, OffsetDateTime closedAt,
                                OffsetDateTime updatedAt, long version) {
    }

    /** One group's averages; `key` names the clinic, consultant or item (its id) or the month (yyyy-MM). */
    public record SatisfactionSummaryRow(String key, String name, int surveys, double averageResult,
                                         double averageExperience, double nps, int promoters, int detractors) {
    }

    public record SatisfactionSummary(String by, OffsetDateTime from, OffsetDateTime to,
                                      List<SatisfactionSummaryRow> rows) {
    }
}
