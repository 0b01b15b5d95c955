package app.meike.common.persistence;

import app.meike.common.PageRequest;
import app.meike.common.QueryParams;
import io.quarkus.panache.common.Parameters;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the where clause of a list query from optional filters: a filter whose value is null is left out. */
public final class Filter {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();

    /** Adds `condition` (which names :name) when the value is present. */
    public Filter and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and (").append(condition).append(')');
            params.and(name, value);
        }
        return this;
    }

    /** Adds a condition naming several parameters, or none. */
    public Filter and(String condition, Map<String, Object> parameters) {
        where.append(" and (").append(condition).append(')');
        parameters.forEach(params::and);
        return this;
    }

    /** Adds "one of these columns contains the text" (case-insensitive; the text's % and _ match literally). */
    public Filter containing(String text, String... columns) {
        if (text == null) {
            return this;
        }
        String condition = Arrays.stream(columns).map(c -> "lower(" + c + ") like :q escape '\\'")
                .collect(Collectors.joining(" or "));
        return and(condition, "q", QueryParams.containsPattern(text));
    }

    /** Rows past the page's (time, id) position, for a list sorted by time then id, either way. */
    public Filter afterPosition(String timeColumn, String idColumn, PageRequest page, boolean descending) {
        if (page.afterTime() == null) {
            return this;
        }
        return and("%1$s %3$s :afterTime or (%1$s = :afterTime and %2$s %3$s :afterId)"
                        .formatted(timeColumn, idColumn, descending ? "<" : ">"),
                Map.of("afterTime", page.afterTime(), "afterId", page.after()));
    }

    public String where() {
        return where.toString();
    }

    public Parameters params() {
        return params;
    }
}
