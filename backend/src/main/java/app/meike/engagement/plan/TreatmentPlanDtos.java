package app.meike.engagement.plan;

import app.meike.common.Money;
import app.meike.common.SignedMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The annual plan API's shapes (schemas TreatmentPlan*, in openapi.yaml). */
public final class TreatmentPlanDtos {
    private TreatmentPlanDtos() {
    }

    /** A planned item: in a month (1-12) or a quarter (1-4) of the member year, exactly one of them. */
    public record PlanLineInput(@NotNull UUID itemId, @Min(1) @Max(12) Integer month, @Min(1) @Max(4) Integer quarter,
                                @NotNull @Min(1) @Max(999) Integer quantity, @Valid @NotNull Money estimatedAmount,
                                @Size(max = 300) String note, UUID consultationId, @Min(1) @Max(3) Integer needRank) {
    }

    /** A new version: all of its lines; a revision says why. */
    public record PlanRevision(@Size(max = 300) String reason,
                               @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull PlanLineInput> lines) {
    }

    /** Member year `number` (1: the year her first paid order starts) is [start, end). */
    public record MemberYearView(int number, OffsetDateTime start, OffsetDateTime end, boolean current) {
    }

    public record PlanLineView(int lineNo, UUID itemId, String itemName, Integer month, Integer quarter, int quantity,
                               Money estimatedAmount, String note, UUID consultationId, Integer needRank) {
    }

    public record PlanVersionView(int version, String reason, Money plannedTotal, String createdBy,
                                  String createdByName, OffsetDateTime createdAt, List<PlanLineView> lines) {
    }

    public record PlanVersionSummary(int version, String reason, Money plannedTotal, int lineCount,
                                     String createdByName, OffsetDateTime createdAt) {
    }

    public record PlanVersionList(UUID customerId, MemberYearView memberYear, List<PlanVersionSummary> items) {
    }

    /**
     * One month of the curve. Planned: the lines of the month, and a third of each quarter line in each of its
     * months. Actual, separately: purchases (net paid minus refunds) and redemptions (pack sessions at their split
     * price); null for months that have not begun.
     */
    public record CurveMonth(int month, OffsetDateTime from, OffsetDateTime to, Money planned, Money plannedCumulative,
                             SignedMoney purchased, SignedMoney purchasedCumulative, Money redeemed,
                             Money redeemedCumulative) {
    }

    /** Purchases are signed: a month may refund more than it sold. */
    public record ItemMonth(int month, Money planned, SignedMoney purchased, Money redeemed) {
    }

    /** One item's progress (a pack template's, for packs bought: their sessions count per item when redeemed). */
    public record ItemProgress(UUID itemId, UUID packTemplateId, String name, int plannedQuantity, Money planned,
                               SignedMoney purchased, int redeemedSessions, Money redeemed, List<ItemMonth> months) {
    }

    /** The plan of a member year as of now: its current version (null before the first) and the curve. */
    public record TreatmentPlanView(UUID customerId, MemberYearView memberYear, int version,
                                    PlanVersionView current, List<CurveMonth> curve, List<ItemProgress> items,
                                    OffsetDateTime asOf) {
    }

    /** A line the editor can start from: an item suggested for one of her consultation needs. */
    public record PlanSuggestion(UUID itemId, String itemName, Integer month, Integer quarter, int quantity,
                                 Money estimatedAmount, UUID consultationId, int needRank, String concern,
                                 OffsetDateTime consultedAt) {
    }

    public record PlanSuggestionList(UUID customerId, MemberYearView memberYear, List<PlanSuggestion> items) {
    }
}
