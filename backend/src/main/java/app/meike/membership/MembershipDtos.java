package app.meike.membership;

import app.meike.catalog.ItemCategory;
import app.meike.common.Money;
import app.meike.membership.MembershipJob.Kind;
import app.meike.membership.MembershipJob.Status;
import app.meike.membership.MembershipTier.PerkCode;
import app.meike.membership.TierChange.Reason;
import app.meike.membership.TierChange.SourceType;
import app.meike.membership.TierRules.Basis;
import app.meike.membership.TierRules.ReviewRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The membership API's bodies (schemas Membership*, Tier*, CustomerMembership in openapi.yaml). */
public final class MembershipDtos {
    private MembershipDtos() {
    }

    public record PerkView(@NotNull PerkCode code, @NotBlank @Size(max = 200) String description) {
    }

    public record BenefitsView(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
            @NotNull Map<ItemCategory, @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                    BigDecimal> categoryDiscounts,
            @NotNull @DecimalMin("1") @DecimalMax("10") @Digits(integer = 2, fraction = 2) BigDecimal pointsMultiplier,
            @NotNull @Size(max = 20) List<@NotNull @Valid PerkView> perks) {
    }

    public record TierView(UUID id, String name, Money threshold, BenefitsView benefits) {
    }

    public record TierRef(UUID id, String name) {
    }

    public record JobView(UUID id, Kind kind, Status status, long total, long processed, long movedUp, long movedDown,
                          LocalDate asOf, OffsetDateTime createdAt, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, String error) {
    }

    public record ProgramView(Basis basis, ReviewRule reviewRule, List<TierView> tiers, JobView reevaluationJob,
                              OffsetDateTime updatedAt, long version) {
    }

    public record TierInput(UUID id, @NotBlank @Size(max = 40) String name, @NotNull @Valid Money threshold,
                            @NotNull @Valid BenefitsView benefits) {
    }

    public record ProgramInput(@NotNull Basis basis, @NotNull ReviewRule reviewRule,
                               @NotNull @Size(max = 10) List<@NotNull @Valid TierInput> tiers) {
    }

    public record PreviewTier(UUID tierId, String name, long holders, long movingUp, long movingDown, long staying) {
    }

    public enum Direction { UP, DOWN }

    public record Mover(UUID customerId, String customerName, TierRef fromTier, TierRef toTier, Direction direction,
                        Money qualifyingSpend) {
    }

    public record PreviewView(long customers, long movingUp, long movingDown, long staying, List<PreviewTier> tiers,
                              List<Mover> movers, String nextCursor) {
    }

    public record ReviewInput(LocalDate asOf) {
    }

    public record OverrideInput(@NotNull UUID tierId, @NotBlank @Size(max = 300) String reason,
                                @NotNull OffsetDateTime until) {
    }

    public record OverrideView(TierRef tier, String reason, OffsetDateTime until, String by, OffsetDateTime at) {
    }

    public record NextTier(UUID id, String name, Money threshold, Money remaining) {
    }

    public record MemberYear(OffsetDateTime start, OffsetDateTime end) {
    }

    public enum TierSource { COMPUTED, OVERRIDE }

    public record TierChangeView(UUID id, OffsetDateTime at, TierRef fromTier, TierRef toTier, Reason reason,
                                 SourceType sourceType, UUID sourceId, String by, String note,
                                 Money qualifyingSpend) {
    }

    public record CustomerMembershipView(UUID customerId, TierRef tier, TierSource source, TierRef computedTier,
                                         OverrideView override, Basis basis, Money qualifyingSpend, NextTier nextTier,
                                         BenefitsView benefits, OffsetDateTime memberSince, MemberYear memberYear,
                                         List<TierChangeView> history) {
    }
}
