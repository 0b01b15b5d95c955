package app.meike.customer;

import java.util.UUID;

/**
 * Fired synchronously inside the merge's transaction: features that keep rows about customers (visits, orders,
 * ledgers ...) move the duplicate's rows to the survivor. An observer that fails rolls the whole merge back.
 */
public record CustomerMerged(UUID duplicateId, UUID survivorId) {
}
