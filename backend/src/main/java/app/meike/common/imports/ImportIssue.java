package app.meike.common.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem of one row of an import file: the row as a spreadsheet numbers it (the header is row 1), the column
 * (its English name) and why. Imports whose issues are finite kinds give each a stable `code` for clients to
 * translate; the others leave it out.
 */
public record ImportIssue(int row, String field, @JsonInclude(JsonInclude.Include.NON_NULL) String code,
                          String message) {
}
