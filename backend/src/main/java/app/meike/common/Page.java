package app.meike.common;

import java.util.List;

/** One page of a cursor-paginated list; `nextCursor` is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
