package app.meike.analytics.standards;

import app.meike.common.Money;
import app.meike.common.SignedMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The five gold standards' bodies (schemas MemberStandards*, Standards*, in openapi.yaml). */
public final class StandardsDtos {
    static final int MAX_COUNT_TARGET = 1000;
    static final int MAX_WEIGHT = 100;

    private StandardsDtos() {
    }

    /** What a member year should reach: spend (qualifying, in the chain's currency), items, visits, referrals, satisfaction 1-5. */
    public record StandardsTargets(@NotNull @Valid Money spend,
                                   @NotNull @Min(1) @Max(MAX_COUNT_TARGET) Integer items,
                                   @NotNull @Min(1) @Max(MAX_COUNT_TARGET) Integer visits,
                                   @NotNull @Min(1) @Max(MAX_COUNT_TARGET) Integer referrals,
                                   @NotNull @DecimalMin("0.01") @DecimalMax("5")
                                   @Digits(integer = 1, fraction = 2) BigDecimal satisfaction) {
    }

    /** The weight of each measure's score in the composite, 0-100 each (relative: they need not sum to 100). */
    public record StandardsWeights(@NotNull @Min(0) @Max(MAX_WEIGHT) Integer spend,
                                   @NotNull @Min(0) @Max(MAX_WEIGHT) Integer items,
                                   @NotNull @Min(0) @Max(MAX_WEIGHT) Integer visits,
                                   @NotNull @Min(0) @Max(MAX_WEIGHT) Integer referrals,
                                   @NotNull @Min(0) @Max(MAX_WEIGHT) Integer satisfaction) {
    }

    public record StandardsRulesView(boolean configured, StandardsTargets targets, StandardsWeights weights,
                                     OffsetDateTime updatedAt, long version) {
    }

    public record StandardsRulesUpdate(@NotNull @Valid StandardsTargets targets,
                                       @NotNull @Valid StandardsWeights weights) {
    }

    /** The five measures of a member year (or of part of one); satisfaction null without a survey. */
    public record StandardsMeasures(SignedMoney spend, int items, int visits, int referrals, BigDecimal satisfaction) {
    }

    /** Scores 0-100 per measure and the composite; satisfaction null without a survey (left out of the composite). */
    public record StandardsScores(int spend, int items, int visits, int referrals, Integer satisfaction,
                                  int composite) {
    }

    public record MemberYear(int number, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean current) {
    }

    /**
     * One month of the year's curve: each measure cumulative to the month's end (satisfaction the running average),
     * null for months not begun; beside spend the annual plan's planned cumulative amount when she has a plan.
     */
    public record StandardsMonth(int month, OffsetDateTime from, OffsetDateTime to, SignedMoney spend,
                                 Money plannedSpend, Integer items, Integer visits, Integer referrals,
                                 BigDecimal satisfaction) {
    }

    /** The previous member year as a whole and, for a year in progress, to the end of the same month of that year. */
    public record StandardsTrend(int memberYear, StandardsMeasures measures, StandardsScores scores,
                                 SamePoint toSamePoint) {
    }

    public record SamePoint(int throughMonth, StandardsMeasures measures, StandardsScores scores) {
    }

    public record MemberYearScore(int number, OffsetDateTime startsAt, OffsetDateTime endsAt, int score) {
    }

    public record MemberStandardsView(UUID customerId, MemberYear memberYear, OffsetDateTime asOf,
                                      StandardsTargets targets, StandardsWeights weights, StandardsMeasures measures,
                                      StandardsScores scores, List<StandardsMonth> months, StandardsTrend previousYear,
                                      List<MemberYearScore> years) {
    }

    /** Members per score bucket: bucket k counts scores from 10k to 10k + 9 (the last one 90-100). */
    public record ScoreBuckets(List<Integer> composite, List<Integer> spend, List<Integer> items, List<Integer> visits,
                               List<Integer> referrals, List<Integer> satisfaction, int withoutSatisfaction) {
    }

    public record StandardsDistribution(OffsetDateTime asOf, UUID clinicId, int members, ScoreBuckets buckets) {
    }

    /** Members whose year so far has visits in [minVisits, maxVisits] (maxVisits null: no upper bound). */
    public record VisitBand(int minVisits, Integer maxVisits, int members, SignedMoney averageSpend,
                            SignedMoney medianSpend) {
    }

    /** Members whose year so far reached at least `minSpend`. */
    public record SpendBand(Money minSpend, int members, BigDecimal averageVisits, BigDecimal medianVisits) {
    }

    public record VisitsVersusSpend(OffsetDateTime asOf, UUID clinicId, List<VisitBand> visitBands,
                                    List<SpendBand> spendBands) {
    }

    public record StandingMember(UUID customerId, String name, UUID homeClinicId, int memberYear,
                                 StandardsMeasures measures, StandardsScores scores) {
    }

    public record FallingMember(UUID customerId, String name, UUID homeClinicId, int memberYear, int score,
                                int previousScore, int drop, int throughMonth) {
    }
}
