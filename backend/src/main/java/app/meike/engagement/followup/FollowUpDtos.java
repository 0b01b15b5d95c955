package app.meike.engagement.followup;

import app.meike.catalog.ItemCategory;
import app.meike.engagement.followup.FollowUpTask.Outcome;
import app.meike.engagement.followup.FollowUpTask.Status;
import app.meike.engagement.followup.Touchpoint.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The follow-ups API's bodies (schemas FollowUp* and Touchpoint*, in openapi.yaml). */
public final class FollowUpDtos {
    static final int MAX_DAYS = 730;

    private FollowUpDtos() {
    }

    public record FollowUpRuleView(UUID id, FollowUpTrigger trigger, ItemCategory category, int days, String title,
                                   boolean enabled, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                   long version) {
    }

    public record FollowUpRuleCreate(@NotNull FollowUpTrigger trigger, ItemCategory category,
                                     @NotNull @Min(0) @Max(MAX_DAYS) Integer days,
                                     @NotBlank @Size(max = 100) String title, Boolean enabled) {
    }

    public static class FollowUpRulePatch {
        public Optional<@NotNull @Min(0) @Max(MAX_DAYS) Integer> days;
        public Optional<@NotBlank @Size(max = 100) String> title;
        public Optional<@NotNull Boolean> enabled;
    }

    public record FollowUpTaskView(UUID id, UUID ruleId, FollowUpTrigger trigger, String title, UUID customerId,
                                   String customerName, UUID clinicId, UUID assigneeId, String assigneeName,
                                   LocalDate dueDate, Status status, boolean overdue, Outcome outcome,
                                   String outcomeNote, OffsetDateTime completedAt, UUID completedBy,
                                   OffsetDateTime cancelledAt, String cancelReason, UUID subjectId,
                                   OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    /** The task's result; `clinicId` is where the contact was made from (the task's clinic when left out). */
    public record FollowUpOutcomeInput(@NotNull Outcome outcome, @NotNull Channel channel,
                                       @Size(max = 1000) String note, UUID clinicId) {
    }

    public record FollowUpOutcomeResult(FollowUpTaskView task, TouchpointView touchpoint) {
    }

    public record FollowUpReassignment(@NotNull UUID assigneeId) {
    }

    public record FollowUpCancellation(@NotBlank @Size(max = 300) String reason) {
    }

    /** One assignee's open tasks due today and overdue (`assigneeId` null: nobody's yet). */
    public record FollowUpWorkload(UUID assigneeId, String assigneeName, int dueToday, int overdue) {
    }

    public record FollowUpRunResult(OffsetDateTime ranAt, LocalDate day, int created) {
    }

    public record TouchpointCreate(@NotNull UUID customerId, @NotNull UUID clinicId, @NotNull Channel channel,
                                   Outcome outcome, @Size(max = 1000) String note,
                                   @PastOrPresent OffsetDateTime occurredAt) {
    }

    public record TouchpointView(UUID id, UUID customerId, UUID clinicId, UUID staffId, String staffName,
                                 Channel channel, UUID taskId, Outcome outcome, String note,
                                 OffsetDateTime occurredAt, String recordedBy, OffsetDateTime createdAt) {
    }
}
