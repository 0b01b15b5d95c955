package app.meike.common;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The twelve months of a member year in the chain's time zone: month k runs from the year's start plus k - 1 months
 * to its start plus k months, counted on the local calendar (a year starting on 31 January has its second month
 * start on 28 February). Java and SQL (the {@link #CTE}) count them the same way, so the months a screen shows are
 * the months the aggregates were summed over.
 */
public final class MemberYearMonths {
    public static final int MONTHS = 12;

    /**
     * A common table expression `months (month, starts, ends)` for SQL taking `:yearStart` (timestamptz) and `:zone`
     * (an IANA zone): PostgreSQL's timestamp + interval clips the day of month as Java's plusMonths does.
     */
    public static final String CTE = "months AS (SELECT k AS month,"
            + " ((CAST(:yearStart AS timestamptz) AT TIME ZONE :zone) + (k - 1) * interval '1 month') AT TIME ZONE :zone"
            + " AS starts,"
            + " ((CAST(:yearStart AS timestamptz) AT TIME ZONE :zone) + k * interval '1 month') AT TIME ZONE :zone AS ends"
            + " FROM generate_series(1, " + MONTHS + ") AS k)";

    private MemberYearMonths() {
    }

    public record Month(int month, OffsetDateTime from, OffsetDateTime to) {
    }

    public static List<Month> of(OffsetDateTime yearStart, ZoneId zone) {
        ZonedDateTime local = yearStart.atZoneSameInstant(zone);
        List<Month> months = new ArrayList<>(MONTHS);
        for (int k = 1; k <= MONTHS; k++) {
            months.add(new Month(k, local.plusMonths(k - 1).toOffsetDateTime(), local.plusMonths(k).toOffsetDateTime()));
        }
        return months;
    }
}
