package app.meike.common;

import app.meike.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination over UUIDv7 primary keys: the cursor is the last id seen, opaque to clients.
 * Lists fetch limit + 1 rows to know whether another page follows.
 */
public record PageRequest(int limit, UUID after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String PREFIX = "v1:";

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), decode(cursor));
    }

    public int fetchSize() {
        return limit + 1;
    }

    public <E, D> Page<D> page(List<E> rows, Function<E, UUID> id, Function<E, D> toDto) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(id.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(toDto).toList(), next);
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other out-of-range value
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return UUID.fromString(raw.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this API issued");
    }
}
