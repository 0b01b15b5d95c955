package app.meike.visit;

import app.meike.visit.Consultation.NonConversionReason;
import app.meike.visit.Consultation.Outcome;
import app.meike.visit.ConsultationNeed.Area;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The consultation API's bodies (schemas Consultation*, in openapi.yaml). */
public final class ConsultationDtos {
    private ConsultationDtos() {
    }

    public record ConsultationView(UUID id, UUID visitId, UUID customerId, String customerName, UUID clinicId,
                                   UUID consultantId, String consultantName, OffsetDateTime consultedAt,
                                   String summary, List<NeedView> needs, Outcome outcome, NonConversionReason reason,
                                   String outcomeNote, OffsetDateTime outcomeRecordedAt, OffsetDateTime createdAt,
                                   OffsetDateTime updatedAt, long version) {
    }

    public record NeedView(int rank, Area area, String concern, String note, List<SuggestedItem> suggestedItems) {
    }

    public record SuggestedItem(UUID itemId, String name) {
    }

    public record NeedInput(
            @NotNull @Min(1) @Max(3) Integer rank,
            @NotNull Area area,
            @NotBlank @Size(max = 200) String concern,
            @Size(max = 500) String note,
            @Size(max = 10) List<@NotNull UUID> suggestedItemIds) {
    }

    public record OutcomeInput(@NotNull Outcome outcome, NonConversionReason reason, @Size(max = 500) String note) {
    }

    public record ConsultationCreate(
            @NotNull UUID visitId,
            UUID consultantId,
            @PastOrPresent OffsetDateTime consultedAt,
            @Size(max = 2000) String summary,
            @Size(max = 3) List<@NotNull @Valid NeedInput> needs,
            @Valid OutcomeInput outcome) {
    }

    /** Absent fields stay unchanged; `needs` replaces the whole assessment. */
    public static class ConsultationPatch {
        public Optional<@NotNull UUID> consultantId;
        public Optional<@Size(max = 2000) String> summary;
        public Optional<@NotNull @Size(max = 3) List<@NotNull @Valid NeedInput>> needs;
        public Optional<@NotNull @Valid OutcomeInput> outcome;
    }

    public enum AnalysisDimension { CONSULTANT, CLINIC, SOURCE, MONTH }

    public record ConversionAnalysis(OffsetDateTime from, OffsetDateTime to, AnalysisDimension groupBy,
                                     ConversionFigures total, List<ConversionGroup> groups) {
    }

    public record ConversionGroup(String key, String label, ConversionFigures figures) {
    }

    /** conversionRate = converted / (converted + notConverted); null while nothing is decided. */
    public record ConversionFigures(long consultations, long converted, long notConverted, long pending,
                                    Double conversionRate, List<ReasonCount> reasons) {
    }

    public record ReasonCount(NonConversionReason reason, long count) {
    }
}
