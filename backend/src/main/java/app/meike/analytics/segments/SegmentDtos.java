package app.meike.analytics.segments;

import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The segments API's request and response bodies. */
public final class SegmentDtos {
    private SegmentDtos() {
    }

    public record SegmentRulesView(boolean configured, int newWithinDays, Money highValueSpend, int highValueScore,
                                   int loyalMemberYears, int loyalVisits, OffsetDateTime updatedAt, long version) {
    }

    public record SegmentRulesUpdate(@NotNull @Min(1) @Max(365) Integer newWithinDays,
                                     @NotNull @Valid Money highValueSpend,
                                     @NotNull @Min(0) @Max(100) Integer highValueScore,
                                     @NotNull @Min(1) @Max(50) Integer loyalMemberYears,
                                     @NotNull @Min(0) @Max(366) Integer loyalVisits) {
    }

    /**
     * A custom segment's filters, all optional and all to be met. Last visit is either days ago (min/max) or a
     * range of times, not both; a customer who never visited meets no last-visit filter. Tags: she has every one.
     */
    public record SegmentFilters(BuiltInSegment builtIn, @Size(max = 20) List<@NotNull UUID> tierIds,
                                 @Min(0) @Max(100) Integer scoreMin, @Min(0) @Max(100) Integer scoreMax,
                                 @Min(0) @Max(3660) Integer lastVisitDaysAgoMin,
                                 @Min(0) @Max(3660) Integer lastVisitDaysAgoMax,
                                 OffsetDateTime lastVisitFrom, OffsetDateTime lastVisitTo,
                                 @Valid Money spendMin, @Valid Money spendMax,
                                 @Min(0) @Max(10000) Integer itemsMin, @Min(0) @Max(10000) Integer itemsMax,
                                 @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
                                 UUID clinicId, UUID ownerId) {
    }

    public record CustomSegmentInput(@NotBlank @Size(max = 60) String name, @Size(max = 300) String description,
                                     @NotNull @Valid SegmentFilters filters) {
    }

    public record CustomSegmentView(UUID id, String name, String description, SegmentFilters filters,
                                    String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                    long version) {
    }

    public record CustomSegmentList(List<CustomSegmentView> items) {
    }

    public enum SegmentKind { BUILT_IN, CUSTOM }

    /** A segment with its member count now; `key` is the built-in's name or the custom segment's id. */
    public record SegmentCount(String key, SegmentKind kind, String name, long members) {
    }

    public record SegmentCounts(UUID clinicId, OffsetDateTime asOf, List<SegmentCount> items) {
    }

    public record TierRef(UUID id, String name) {
    }

    /** One member as the list shows her: her standing in her current member year (none before her first purchase). */
    public record SegmentMember(UUID id, String name, String phone, boolean phoneMasked, TierRef tier,
                                Integer memberYear, Money spend, Integer visits, Integer items, Integer score,
                                OffsetDateTime lastVisitAt, UUID homeClinicId, String homeClinicName,
                                UUID ownerStaffId, String ownerName) {
    }

    public record SegmentMembers(long total, List<SegmentMember> items, String nextCursor) {
    }

    public record SegmentCouponIssue(@NotNull UUID couponTypeId,
                                     @NotBlank @Size(max = 60) String campaign, @Size(max = 300) String note) {
    }

    public record SegmentFollowUps(@NotNull UUID ruleId,
                                   @NotBlank @Size(max = 60) @Pattern(regexp = "^[^:]+$",
                                           message = "must not contain ':'") String campaign,
                                   LocalDate dueDate) {
    }

    public enum SkipReason { ALREADY_ISSUED, ALREADY_HAS_TASK }

    public record Skipped(SkipReason reason, int count) {
    }

    /** What a bulk action did: members matched, acted on, and skipped with why. */
    public record SegmentActionResult(String segment, int matched, int done, List<Skipped> skipped) {
    }
}
