package app.meike.engagement.referral;

import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The referral API's shapes. */
public final class ReferralDtos {
    private ReferralDtos() {
    }

    /** A reward: its kind and that kind's parameters (POINTS: points). */
    public record Reward(@NotNull RewardKind kind, @NotNull @Min(1) @Max(10_000_000) Long points) {
    }

    public record ReferralRulesUpdate(@Valid @NotNull Reward level1, @Valid Reward level2,
                                      @Valid @NotNull Money minimumSpend, @Min(1) @Max(10_000) Integer monthlyCap) {
    }

    /** `configured` false: the chain has set no rules yet, so referrals are counted but earn nothing. */
    public record ReferralRulesView(boolean configured, Reward level1, Reward level2, Money minimumSpend,
                                    Integer monthlyCap, OffsetDateTime updatedAt, long version) {
    }

    public record ReferrerNode(UUID id, String name, OffsetDateTime attachedAt) {
    }

    /** A customer she (or one she referred) brought; `countedAt` is when the referee first paid, if she has. */
    public record RefereeNode(UUID id, String name, OffsetDateTime attachedAt, OffsetDateTime countedAt,
                              List<RefereeNode> referees) {
    }

    public record RewardView(UUID id, UUID refereeId, String refereeName, int level, RewardKind kind, long points,
                             ReferralReward.Status status, Long takenBack, Long shortfall, OffsetDateTime paidAt,
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
                                 long rewardPoints) {
    }

    public record Leaderboard(LeaderboardBy by, OffsetDateTime from, OffsetDateTime to, List<LeaderboardRow> items) {
    }
}
