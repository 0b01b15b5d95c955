package app.meike.common;

import app.meike.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination, the cursor opaque to clients: over UUIDv7 primary keys (the cursor is the last id seen),
 * or over (time, id) for lists in time order such as a calendar or a timeline (the cursor is the last row's
 * time and id). Lists fetch limit + 1 rows to know whether another page follows.
 */
public record PageRequest(int limit, UUID after, OffsetDateTime afterTime) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String PREFIX = "v1:";
    private static final String TIMED_PREFIX = "t1:";

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), decode(cursor), null);
    }

    /** For lists in time order: the cursor must be one such a list issued. */
    public static PageRequest ofTimed(String limit, String cursor) {
        int parsedLimit = parseLimit(limit);
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(parsedLimit, null, null);
        }
        String raw = decodeRaw(cursor);
        int split = raw.indexOf('/');
        if (raw.startsWith(TIMED_PREFIX) && split > 0) {
            try {
                Instant at = Instant.EPOCH.plus(Long.parseLong(raw.substring(TIMED_PREFIX.length(), split)),
                        ChronoUnit.MICROS);
                return new PageRequest(parsedLimit, UUID.fromString(raw.substring(split + 1)),
                        at.atOffset(ZoneOffset.UTC));
            } catch (IllegalArgumentException ignored) {
                // answered below
            }
        }
        throw notOurs();
    }

    public int fetchSize() {
        return limit + 1;
    }

    public <E, D> Page<D> page(List<E> rows, Function<E, UUID> id, Function<E, D> toDto) {
        return pageAt(rows, last -> PREFIX + id.apply(last), toDto);
    }

    /** A page of rows in (time, id) order, ascending or descending as the query sorted them. */
    public <E, D> Page<D> pageByTime(List<E> rows, Function<E, OffsetDateTime> time, Function<E, UUID> id,
                                     Function<E, D> toDto) {
        return pageAt(rows, last -> TIMED_PREFIX + ChronoUnit.MICROS.between(Instant.EPOCH, time.apply(last).toInstant())
                + "/" + id.apply(last), toDto);
    }

    private <E, D> Page<D> pageAt(List<E> rows, Function<E, String> position, Function<E, D> toDto) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                position.apply(shown.get(shown.size() - 1)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(shown.stream().map(toDto).toList(), next);
    }

    private static int parseLimit(String limit) {
        Integer value = QueryParams.wholeNumber("limit", limit, 1, MAX_LIMIT);
        return value == null ? DEFAULT_LIMIT : value;
    }

    private static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String raw = decodeRaw(cursor);
        if (raw.startsWith(PREFIX)) {
            try {
                return UUID.fromString(raw.substring(PREFIX.length()));
            } catch (IllegalArgumentException ignored) {
                // answered below
            }
        }
        throw notOurs();
    }

    private static String decodeRaw(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    private static ProblemException notOurs() {
        return ProblemException.invalidField("cursor", "is not a cursor this API issued");
    }
}
