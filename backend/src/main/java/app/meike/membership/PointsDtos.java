package app.meike.membership;

import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The points API's bodies (schemas Points*, in openapi.yaml). */
public final class PointsDtos {
    private PointsDtos() {
    }

    public record PointsExpiry(@NotNull PointsExpiryPolicy policy, @Min(1) @Max(120) Integer months) {
    }

    public record PointsRulesView(BigDecimal earnRate, long redeemPoints, Money redeemAmount, boolean allowTender,
                                  PointsExpiry expiry, int reminderDays, OffsetDateTime updatedAt, long version) {
    }

    public record PointsRulesUpdate(
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal earnRate,
            @NotNull @Min(1) @Max(1_000_000) Long redeemPoints,
            @NotNull @Valid Money redeemAmount,
            @NotNull Boolean allowTender,
            @NotNull @Valid PointsExpiry expiry,
            @NotNull @Min(0) @Max(365) Integer reminderDays) {
    }

    public record PointsLotView(UUID id, PointsLotSource source, UUID orderId, long points, long remaining,
                                OffsetDateTime earnedAt, OffsetDateTime expiresAt) {
    }

    public record PointsExpiringSoon(int withinDays, long points, OffsetDateTime earliestExpiry) {
    }

    public record PointsAccountView(UUID customerId, long balance, Money value, List<PointsLotView> lots,
                                    PointsExpiringSoon expiringSoon) {
    }

    public record PointsAllocationView(UUID lotId, long points) {
    }

    public record PointsEntryView(UUID id, UUID customerId, PointsEntryKind kind, long points, long balanceAfter,
                                  UUID orderId, UUID refundId, UUID giftItemId, String giftDescription, String reason,
                                  String actorId, String actorName, String requestId, OffsetDateTime occurredAt,
                                  List<PointsAllocationView> allocations) {
    }

    public record PointsAdjustment(@NotNull @Min(-100_000_000) @Max(100_000_000) Long points,
                                   @NotBlank @Size(max = 500) String reason) {
    }

    public record PointsRedemption(@NotNull @Min(1) @Max(100_000_000) Long points, UUID giftItemId,
                                   @Size(max = 200) String giftDescription, @Size(max = 500) String note) {
    }

    public record PointsExpiringCustomer(UUID customerId, String customerName, UUID homeClinicId, long points,
                                         OffsetDateTime earliestExpiry) {
    }

    public record PointsExpiryRun(OffsetDateTime asOf) {
    }

    public record PointsExpiryRunResult(OffsetDateTime asOf, int customers, int lots, long points) {
    }
}
