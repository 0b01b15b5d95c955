package app.meike.wallet;

import app.meike.catalog.PackTemplateService.PackTemplateRef;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What orders ask of session packs: the templates their pack lines sell, and the packs a payment issues. */
public interface SessionPacksForOrders {
    /** The chain's templates with these ids (archived ones too); unknown ids are absent. */
    Map<UUID, PackTemplateRef> templates(Collection<UUID> templateIds);

    /** A paid order's pack lines; `net` is what the line came to after its line and tier discounts. */
    record PackSale(UUID orderId, UUID customerId, UUID clinicId, OffsetDateTime paidAt, List<PackLine> lines) {
    }

    record PackLine(int lineNo, UUID templateId, int quantity, long net) {
    }

    /**
     * Issues one pack per unit of each line, in the paying transaction: the template's items, sessions, intervals
     * and clinics as they are now, valid from the payment, each item's paid value its part of the line's net.
     */
    void issueForOrder(PackSale sale);

    /** The packs the orders' lines issued, by order and line number, in unit order. */
    Map<UUID, Map<Integer, List<UUID>>> packIdsOf(Collection<UUID> orderIds);
}
