package app.meike.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Events of pack sessions, fired synchronously inside the redeeming or reversing transaction (a replayed request
 * fires nothing again): a redeemed session is a treatment given, which follow-ups call after.
 */
public final class SessionPackEvents {
    private SessionPackEvents() {
    }

    /** One session of an item was redeemed at a visit by the clinician. */
    public record SessionRedeemed(UUID redemptionId, UUID packId, UUID customerId, UUID itemId, UUID clinicId,
                                  UUID clinicianId, OffsetDateTime redeemedAt) {
    }

    /** A redemption was reversed: the session was not given after all. */
    public record RedemptionReversed(UUID redemptionId, UUID packId) {
    }
}
