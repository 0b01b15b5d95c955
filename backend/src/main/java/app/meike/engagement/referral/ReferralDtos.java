package app.meike.engagement.referral;

import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The referral API's shapes. */
public final class ReferralDtos {
    private ReferralDtos() {
    }

    /**
     * A reward: its kind and exactly that kind's parameter (POINTS: points; COUPON: couponTypeId; STORED_VALUE_BONUS:
     * amount, bonus-only stored value).
     */
    public record Reward(@NotNull RewardKind kind, @Min(1) @Max(10_000_000) Long points, @Valid Money amount,
                         UUID couponTypeId) {
    }

    public record ReferralRulesUpdate(@Valid @NotNull Reward level1, @Valid Reward level2,
                                      @Valid @NotNull Money minimumSpend, @Min(1) @Max(10_000) Integer monthlyCap,
                                      @Min(1) @Max(10_000) Integer memberYearCap) {
    }

    /** `configured` false: the chain has set no rules yet, so referrals are counted but earn nothing. */
    public record ReferralRulesView(boolean configured, Reward level1, Reward level2, Money minimumSpend,
                                    Integer monthlyCap, Integer memberYearCap, OffsetDateTime updatedAt,
                                    long version) {
    }

    /** Her referrer, and who attached him when on what evidence (null evidence: given at registration or before). */
    public record ReferrerNode(UUID id, String name, OffsetDateTime attachedAt, String attachedBy, String evidence) {
    }

    public record ReferrerUpdate(@NotNull UUID referrerId, @NotBlank @Size(max = 500) String evidence) {
    }

    /** A customer she (or one she referred) brought; `countedAt` is when the referee first paid, if she has. */
    public record RefereeNode(UUID id, String name, OffsetDateTime attachedAt, OffsetDateTime countedAt,
                              List<RefereeNode> referees) {
    }

    /** A reward she earned; `paidAt` is when it was earned (paid, or capped by `cappedBy`). */
    public record RewardView(UUID id, UUID refereeId, String refereeName, int level, RewardKind kind, Long points,
                             Money amount, UUID couponTypeId, UUID couponId, ReferralReward.Status status,
                             ReferralReward.Cap cappedBy, Long takenBack, Long shortfall, OffsetDateTime paidAt,
                             OffsetDateTime reversedAt) {
    }

    /** Her referrer, two levels below her, how many she brought this member year, and her rewards (newest first). */
    public record CustomerReferralsView(UUID customerId, ReferrerNode referrer, List<RefereeNode> referees,
                                        long countedThisMemberYear, OffsetDateTime memberYearFrom,
                                        List<RewardView> rewards) {
    }

    public enum LeaderboardBy {
        CLINIC, CONSULTANT
    }

    /** Counted referrals whose first payment fell in the period, by the clinic or consultant of that payment. */
    public record LeaderboardRow(UUID clinicId, UUID consultantId, long referrals, Money firstPaymentSpend,
                                 long rewardPoints, long rewardCoupons, Money rewardBonus) {
    }

    public record Leaderboard(LeaderboardBy by, OffsetDateTime from, OffsetDateTime to, List<LeaderboardRow> items) {
    }
}
