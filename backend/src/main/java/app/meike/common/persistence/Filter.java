package app.meike.common.persistence;

import io.quarkus.panache.common.Parameters;

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

    public String where() {
        return where.toString();
    }

    public Parameters params() {
        return params;
    }
}
