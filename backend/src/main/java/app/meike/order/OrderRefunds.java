package app.meike.order;

import java.util.UUID;

/** What session packs ask of orders: the money of a pack's unused sessions back from the line that sold it. */
public interface OrderRefunds {
    /**
     * Refunds `amount` of a PACK line of a paid order as any refund of the order: pro rata back to its tenders,
     * with qualifying spend and points following. Joins the caller's transaction (which holds the pack's lock);
     * answers the refund's id.
     */
    UUID refundPackLine(UUID orderId, int lineNo, long amount, String reason);
}
