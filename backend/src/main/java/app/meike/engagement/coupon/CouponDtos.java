package app.meike.engagement.coupon;

import app.meike.catalog.ItemCategory;
import app.meike.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The coupons API's bodies (schemas Coupon*, GiftBudget*, in openapi.yaml). */
public final class CouponDtos {
    private CouponDtos() {
    }

    /** `amountOff` for CASH_VOUCHER only, `percentOff` (and `maxDiscount`) for DISCOUNT_PERCENT only. */
    public record CouponTypeCreate(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{0,29}$",
                    message = "use 1-30 letters, digits or inner hyphens") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull CouponKind kind,
            @Valid Money amountOff,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal percentOff,
            @Valid Money maxDiscount,
            @Valid Money minSpend,
            @Valid Money faceValue,
            OffsetDateTime validFrom,
            OffsetDateTime validUntil,
            @Min(1) @Max(3650) Integer validDays,
            @NotNull CouponStacking stacking,
            @NotNull Boolean allItems,
            @Size(max = 200) List<@NotNull UUID> itemIds,
            @Size(max = 5) List<@NotNull ItemCategory> categories) {
    }

    /** Absent fields stay unchanged; the terms cannot change once coupons of the type may be out. */
    public static class CouponTypePatch {
        public Optional<@NotBlank @Size(max = 100) String> name;
        public Optional<@NotNull @Valid Money> faceValue;
        public Optional<@NotNull CouponStacking> stacking;
        public Optional<@NotNull Boolean> active;
    }

    public record CouponTypeView(UUID id, String code, String name, CouponKind kind, Money amountOff,
                                 BigDecimal percentOff, Money maxDiscount, Money minSpend, Money faceValue,
                                 OffsetDateTime validFrom, OffsetDateTime validUntil, Integer validDays,
                                 CouponStacking stacking, boolean allItems, List<UUID> itemIds,
                                 List<ItemCategory> categories, boolean active, OffsetDateTime createdAt,
                                 OffsetDateTime updatedAt, long version) {
    }

    public record CouponIssue(@NotNull UUID customerId, @NotNull UUID couponTypeId, @NotNull CouponSource source,
                              @Size(max = 100) String sourceRef, @Size(max = 300) String note) {
    }

    public record CouponBulkIssue(@NotNull UUID couponTypeId, @NotNull CouponSource source,
                                  @NotBlank @Size(max = 100) String sourceRef, @Size(max = 300) String note) {
    }

    public record CouponBulkResult(UUID couponTypeId, String sourceRef, int matched, int issued, int skipped) {
    }

    public record CouponVoid(@NotBlank @Size(max = 300) String reason) {
    }

    public record CouponView(UUID id, UUID couponTypeId, String typeName, CouponKind kind, UUID customerId,
                             CouponStatus status, CouponSource source, String sourceRef, String note,
                             String issuedBy, UUID giftStaffId, Money faceValue, OffsetDateTime issuedAt,
                             OffsetDateTime validFrom, OffsetDateTime expiresAt, UUID orderId,
                             OffsetDateTime redeemedAt, Money discount, OffsetDateTime expiredAt,
                             OffsetDateTime voidedAt, String voidReason, long version) {
    }

    public record CouponExpiryRun(OffsetDateTime asOf) {
    }

    public record CouponExpiryResult(int expired) {
    }

    public record CouponTypeFigures(UUID couponTypeId, String code, String name, CouponKind kind, long issued,
                                    long outstanding, long redeemed, long expired, long voided, Money discountGiven,
                                    Money revenue) {
    }

    public record CouponReport(List<CouponTypeFigures> items) {
    }

    public record GiftBudgetSet(@NotNull @Valid Money amount) {
    }

    public record GiftBudgetView(UUID staffId, String staffName, String month, Money amount, Money used,
                                 Money remaining, long version) {
    }

    public record GiftBudgetList(String month, List<GiftBudgetView> items) {
    }
}
