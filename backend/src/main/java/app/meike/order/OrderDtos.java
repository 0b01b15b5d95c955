package app.meike.order;

import app.meike.catalog.ItemCategory;
import app.meike.common.Money;
import app.meike.engagement.coupon.CouponKind;
import app.meike.order.SalesOrder.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the orders API takes and answers. */
public final class OrderDtos {
    private OrderDtos() {
    }

    /** Exactly one of `itemId` and `packTemplateId`. */
    public record OrderLineInput(UUID itemId, UUID packTemplateId, @NotNull @Min(1) @Max(999) Integer quantity,
                                 @Valid Money unitPrice, @Valid Money lineDiscount) {
    }

    public record OrderCreate(@NotNull UUID customerId, @NotNull UUID clinicId, UUID consultantId, UUID clinicianId,
                              @Size(max = 500) String note,
                              @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid OrderLineInput> lines,
                              @Size(max = 10) List<@NotNull UUID> couponIds) {
    }

    /** Only the fields sent change; an explicit null clears the attributed staff or the note. */
    public static class OrderPatch {
        public Optional<UUID> consultantId;
        public Optional<UUID> clinicianId;
        public Optional<@Size(max = 500) String> note;
        public Optional<@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid OrderLineInput>> lines;
        /** The customer's coupons to apply, in order; an empty list takes them all off. */
        public Optional<@NotNull @Size(max = 10) List<@NotNull UUID>> couponIds;
    }

    public record TenderInput(@NotNull TenderMethod method, @NotNull @Valid Money amount,
                              @Size(max = 100) String reference) {
    }

    /** No tenders only for an order whose coupons left nothing to pay. */
    public record OrderPayment(@NotNull @Size(max = 10) List<@NotNull @Valid TenderInput> tenders) {
    }

    public record OrderVoid(@NotBlank @Size(max = 300) String reason) {
    }

    public record RefundLineInput(@NotNull @Min(1) Integer lineNo, @NotNull @Valid Money amount) {
    }

    public record RefundTenderInput(@NotNull @Min(1) Integer tenderNo, @NotNull @Valid Money amount) {
    }

    public record RefundCreate(@NotBlank @Size(max = 300) String reason,
                               @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid RefundLineInput> lines,
                               @Size(max = 10) List<@NotNull @Valid RefundTenderInput> tenders) {
    }

    public record OrderLineView(int lineNo, OrderLine.Kind kind, UUID itemId, UUID packTemplateId, String itemName,
                                ItemCategory category, int quantity, Money listPrice, Money unitPrice,
                                Money lineDiscount, BigDecimal tierDiscountPercent, Money tierDiscount,
                                Money couponDiscount, Money net,
                                Money refunded, boolean seededByFirstConsultant, List<UUID> packIds) {
    }

    public record OrderCouponView(UUID couponId, UUID couponTypeId, String name, CouponKind kind, Money discount) {
    }

    public record OrderTenderView(int tenderNo, TenderMethod method, Money amount, Long points, String reference,
                                  Money refunded, Money storedValuePrincipal, Money storedValueBonus) {
    }

    public record RefundTenderView(int tenderNo, TenderMethod method, Money amount, Long points,
                                   Money storedValuePrincipal, Money storedValueBonus) {
    }

    public record RefundView(UUID id, OffsetDateTime refundedAt, String refundedBy, String reason, Money amount,
                             Money moneyReturned, List<RefundLineInput> lines, List<RefundTenderView> tenders,
                             long pointsReversed, long pointsShortfall, Money shortfallAmount) {
    }

    public record OrderView(UUID id, String number, UUID customerId, String customerName, UUID clinicId,
                            Status status, UUID consultantId, UUID clinicianId, String note, String tierName,
                            BigDecimal pointsMultiplier, List<OrderLineView> lines, List<OrderCouponView> coupons,
                            List<OrderTenderView> tenders,
                            List<RefundView> refunds, Money subtotal, Money discount, Money total,
                            Money qualifyingSpend, long pointsEarned, boolean secondDevelopment,
                            OffsetDateTime paidAt, String paidBy, String voidReason, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt, long version) {
    }
}
