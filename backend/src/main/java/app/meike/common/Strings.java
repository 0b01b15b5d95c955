package app.meike.common;

public final class Strings {
    private Strings() {
    }

    /** Optional text as stored: trimmed, and absent when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
