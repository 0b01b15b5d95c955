package app.meike.common;

import app.meike.common.problem.ProblemException;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** UUIDv7 ids (time-ordered, so primary-key order is creation order) and parsing of ids from requests. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last id's 48-bit millisecond and 12-bit counter (rand_a), as one number that only grows. */
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    private Ids() {
    }

    public static UUID newId() {
        // Never go back in time within this process, and count within a millisecond (RFC 9562's counter in rand_a,
        // starting at a random point in its lower half), so ids made in one millisecond sort in the order they were made:
        // rows written in one transaction, such as the lots of one import, keep that order wherever ids break ties.
        return of(LAST_STAMP.updateAndGet(last -> {
            long fresh = (System.currentTimeMillis() << 12) | RANDOM.nextInt(1 << 11);
            return fresh >>> 12 > last >>> 12 ? fresh : last + 1;
        }));
    }

    /**
     * A new id sorting after `previous` (null: any new id), for rows whose order must follow another writer's too:
     * the database makes some ledger entry ids itself (stored_value_entry_id), possibly later in this millisecond.
     */
    public static UUID after(UUID previous) {
        UUID id = newId();
        if (previous == null || id.compareTo(previous) > 0) {
            return id;
        }
        long msb = previous.getMostSignificantBits();
        long stamp = ((msb >>> 16) << 12 | (msb & 0xFFFL)) + 1;
        return of(LAST_STAMP.updateAndGet(last -> Math.max(last + 1, stamp)));
    }

    private static UUID of(long stamp) {
        long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Parses an id sent by a client; a malformed one is a 400 naming the field, never a 404 or 500. */
    public static UUID parse(String field, String value) {
        if (value == null || value.length() != 36) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }
}
