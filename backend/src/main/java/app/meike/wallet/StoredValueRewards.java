package app.meike.wallet;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Bonus-only stored value other features credit as a reward (referrals), inside the caller's transaction and under the
 * account's lock. Bonus is never qualifying spend and never refunded as money.
 */
public interface StoredValueRewards {
    /**
     * Credits `bonus` to the customer's account (opened on her first value) as one lot usable at every clinic, never
     * expiring, counted in the liabilities of `clinicId` (where it was earned), by a REWARD entry carrying
     * `reference`; answers the lot's id.
     */
    UUID creditBonus(UUID customerId, long bonus, UUID clinicId, String reference, String reason, OffsetDateTime at);

    /**
     * Takes back what is still unspent of a reward's lot by a negative REWARD entry and answers how much; what she
     * already spent (or moved away) stays with her, and the caller records it as the shortfall.
     */
    long takeBackBonus(UUID lotId, String reference, String reason, OffsetDateTime at);
}
