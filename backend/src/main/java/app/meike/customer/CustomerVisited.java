package app.meike.customer;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired synchronously when a visit of the customer is recorded (check-in), inside its transaction: features that
 * wait for her to come back (follow-ups of customers at risk) act on it.
 */
public record CustomerVisited(UUID customerId, OffsetDateTime at) {
}
