package app.meike.common.imports;

/**
 * One problem of one row of an import file: the row as a spreadsheet numbers it (the header is row 1), the column
 * (its English name) and why.
 */
public record ImportIssue(int row, String field, String message) {
}
