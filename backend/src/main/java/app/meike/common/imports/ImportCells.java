package app.meike.common.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/** How imports read the cells they share: dates as spreadsheets write them, and text without control characters. */
public final class ImportCells {
    public static final String DATE_RULE = "must be a date such as 1990-05-20 or 1990/5/20";
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\t\\n\\r]");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu.M.d")).stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private ImportCells() {
    }

    /** A control character, or a line break or tab where the cell may not run over several lines. */
    public static boolean hasControlCharacter(String value, boolean multiline) {
        return CONTROL.matcher(value).find() || !multiline && LINE_BREAK.matcher(value).find();
    }

    /** The date the cell holds (2026-12-31, 2026/12/31 or 2026.12.31), or null when it holds none. */
    public static LocalDate date(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException tryNext) {
                // the next format may read it
            }
        }
        return null;
    }
}
