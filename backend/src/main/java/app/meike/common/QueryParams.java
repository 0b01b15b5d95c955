package app.meike.common;

import app.meike.common.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Strict parsing of optional query parameters: a malformed value is a 400 naming it, never ignored. */
public final class QueryParams {
    private QueryParams() {
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    public static UUID uuid(String name, String value) {
        return value == null || value.isEmpty() ? null : Ids.parse(name, value);
    }

    /** A whole number from min to max; absent when not given. */
    public static Integer wholeNumber(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other out-of-range value
        }
        throw ProblemException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }

    public static OffsetDateTime time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 date-time with offset");
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalidField(name, "must be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "is not one of the allowed values");
        }
    }

    /** A LIKE pattern matching the text anywhere, with the caller's wildcards taken literally. */
    public static String containsPattern(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }
}
