package app.meike.common;

import app.meike.common.problem.ProblemException;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** UUIDv7 ids (time-ordered, so primary-key order is creation order) and parsing of ids from requests. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST_MILLIS = new AtomicLong();

    private Ids() {
    }

    public static UUID newId() {
        // Never go back in time within this process, so ids made in one millisecond still sort after earlier ones.
        long millis = LAST_MILLIS.updateAndGet(last -> Math.max(last, System.currentTimeMillis()));
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
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
