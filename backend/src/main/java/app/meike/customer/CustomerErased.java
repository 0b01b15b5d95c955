package app.meike.customer;

import java.util.UUID;

/**
 * Fired synchronously inside the erasure's transaction: features that keep free text about a customer (visit
 * notes, consultation records ...) scrub it. An observer that fails rolls the erasure back.
 */
public record CustomerErased(UUID customerId) {
}
