package app.meike.common.imports;

import app.meike.common.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Import files as chains bring them: CSV with a header row, in English or Chinese column names, UTF-8 with or
 * without the BOM Excel writes (or GB18030, what Chinese Excel saves "CSV" as), quoted fields with commas and line
 * breaks. A file it cannot read is a 400 on `file`; a row's problems are for the import to report.
 */
public final class CsvImport {
    /** A column an import reads, by its names. */
    public interface Column {
        Names names();

        default String header() {
            return names().header();
        }
    }

    /** A column's header (how reports name it) and the other names, English or Chinese, it is known by. */
    public record Names(String header, List<String> aliases) {
        public static Names of(String header, String... aliases) {
            return new Names(header, List.of(aliases));
        }
    }

    /** One data row; `row` numbers it as a spreadsheet does (the header is row 1). Empty cells are left out. */
    public record Row<C>(int row, Map<C, String> cells) {
        public String get(C column) {
            return cells.get(column);
        }
    }

    public record Parsed<C>(List<Row<C>> rows, List<String> ignoredColumns) {
    }

    private CsvImport() {
    }

    /** The file sent as a request body, as text (see decode). */
    public static String read(InputStream body) {
        try {
            return decode(body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 (a BOM is dropped); a file that is not valid UTF-8 is read as GB18030. */
    private static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strict(StandardCharsets.UTF_8).decode(content).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(Charset.forName("GB18030")).decode(content.rewind().position(start)).toString();
            } catch (CharacterCodingException e) {
                throw ProblemException.invalidField("file", "is neither UTF-8 nor GB18030 text");
            }
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The rows of the file, by the columns of `type` found in its header (each at most once; `required` must be
     * there). Rows of empty cells are neither data nor errors, but keep their numbers; over `maxRows` is a 400.
     */
    public static <C extends Enum<C> & Column> Parsed<C> parse(String text, Class<C> type, List<C> required,
                                                               int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> headers = parser.getHeaderNames();
            Map<C, Integer> positions = new EnumMap<>(type);
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                C column = columnNamed(type, headers.get(i));
                if (column == null) {
                    if (!headers.get(i).isBlank()) {
                        ignored.add(headers.get(i));
                    }
                } else if (positions.putIfAbsent(column, i) != null) {
                    throw ProblemException.invalidField("file", "has the column " + column.header() + " twice");
                }
            }
            for (C column : required) {
                if (!positions.containsKey(column)) {
                    throw ProblemException.invalidField("file", "needs a header row with the columns "
                            + required.stream().map(Column::header).collect(Collectors.joining(" and "))
                            + " (" + required.stream().map(c -> c.names().aliases().get(0)).collect(Collectors.joining(", "))
                            + "); " + column.header() + " is missing");
                }
            }
            List<Row<C>> rows = new ArrayList<>();
            int index = 0;
            for (CSVRecord record : parser) {
                index++;
                Map<C, String> cells = new EnumMap<>(type);
                positions.forEach((column, position) -> {
                    String value = position < record.size() ? record.get(position).strip() : "";
                    if (!value.isEmpty()) {
                        cells.put(column, value);
                    }
                });
                // Spreadsheets leave rows of empty cells at the end: counted, so row numbers stay the spreadsheet's.
                if (!cells.isEmpty()) {
                    if (rows.size() == maxRows) {
                        throw ProblemException.invalidField("file", "has more than " + maxRows + " rows; split it");
                    }
                    rows.add(new Row<>(index + 1, cells));
                }
            }
            return new Parsed<>(rows, ignored);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalidField("file", "is not a CSV file this import can read: " + e.getMessage());
        }
    }

    private static <C extends Enum<C> & Column> C columnNamed(Class<C> type, String header) {
        String key = key(header);
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> key(c.header()).equals(key) || c.names().aliases().stream().anyMatch(a -> key(a).equals(key)))
                .findFirst().orElse(null);
    }

    /** Header names compare without case, spaces, underscores or dashes: "Birth date" is birthDate. */
    private static String key(String header) {
        return header.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
