package app.meike.engagement.coupon;

import app.meike.catalog.ItemCategory;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What orders ask of coupons. A draft is priced with the customer's coupons (reserving nothing); paying it redeems
 * them in the paying transaction, or fails with 409 when one was redeemed, voided or has expired meanwhile; voiding
 * the draft drops them from it. A full refund gives the order's coupons back (see CouponService).
 */
public interface CouponsForOrders {
    /** A draft's line as priced so far: `left` is its net after the line and tier discounts. */
    record DraftLine(int lineNo, UUID itemId, ItemCategory category, int quantity, long left) {
    }

    /** What one coupon takes off the draft, per line number. */
    record CouponDiscount(UUID couponId, long discount, Map<Integer, Long> byLine) {
    }

    /** A coupon as an order shows it. */
    record AppliedCoupon(UUID couponId, UUID couponTypeId, String name, CouponKind kind, long discount) {
    }

    /**
     * Prices the coupons, in the order given, on the draft's lines of this customer: each takes from what the ones
     * before it left. A coupon that cannot apply fails with a 400 naming `couponIds[i]`.
     */
    List<CouponDiscount> price(UUID customerId, List<UUID> couponIds, List<DraftLine> lines);

    /** Keeps the priced coupons on the draft, in place of those it carried. */
    void keepOnDraft(UUID orderId, List<CouponDiscount> applied);

    /** The coupons the draft carries, in the order they apply. */
    List<UUID> onDraft(UUID orderId);

    /** Redeems the order's coupons as it is paid; 409 (and nothing written) when one is no longer usable. */
    void redeemForOrder(UUID orderId, long orderTotal, OffsetDateTime paidAt);

    /** A voided draft carries no coupons any more. */
    void releaseDraft(UUID orderId);

    Map<UUID, List<AppliedCoupon>> appliedTo(Collection<UUID> orderIds);
}
