package app.meike.customer;

import app.meike.common.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customer files as chains bring them: CSV with a header row, in English or Chinese column names, UTF-8 with or
 * without the BOM Excel writes (or GB18030, what Chinese Excel saves "CSV" as), quoted fields with commas and
 * line breaks. Export writes the same columns, so an export can be edited and imported back.
 */
final class CustomerCsv {
    static final int MAX_ROWS = 200_000;
    static final String TAG_SEPARATORS = "[;；|、]";

    /** The columns import reads, each with its header (first) and the other names it is known by. */
    enum Column {
        NAME("name", "姓名"),
        PHONE("phone", "手机号", "手机", "电话"),
        GENDER("gender", "性别"),
        BIRTH_DATE("birthDate", "出生日期", "生日"),
        SOURCE("source", "来源", "客户来源"),
        REFERRER_PHONE("referrerPhone", "推荐人手机号", "推荐人电话"),
        TAGS("tags", "标签"),
        FIRST_VISIT_DATE("firstVisitDate", "首次到店日期", "首次到店"),
        OWNER("owner", "所属咨询师", "咨询师"),
        NOTES("notes", "备注"),
        MARKETING_CONSENT("marketingConsent", "营销同意", "同意营销");

        final String header;
        private final List<String> names;

        Column(String header, String... aliases) {
            this.header = header;
            List<String> all = new ArrayList<>(List.of(key(header)));
            Arrays.stream(aliases).map(CustomerCsv::key).forEach(all::add);
            this.names = all;
        }
    }

    /** One data row; `row` numbers it as a spreadsheet does (the header is row 1). */
    record Row(int row, Map<Column, String> cells) {
        String get(Column column) {
            return cells.get(column);
        }
    }

    record Parsed(List<Row> rows, List<String> ignoredColumns) {
    }

    private CustomerCsv() {
    }

    /** UTF-8 (a BOM is dropped); a file that is not valid UTF-8 is read as GB18030. */
    static String decode(byte[] bytes) {
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

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static Parsed parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> headers = parser.getHeaderNames();
            Map<Column, Integer> positions = new EnumMap<>(Column.class);
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                Column column = columnNamed(headers.get(i));
                if (column == null) {
                    if (!headers.get(i).isBlank()) {
                        ignored.add(headers.get(i));
                    }
                } else if (positions.putIfAbsent(column, i) != null) {
                    throw ProblemException.invalidField("file", "has the column " + column.header + " twice");
                }
            }
            for (Column required : List.of(Column.NAME, Column.PHONE)) {
                if (!positions.containsKey(required)) {
                    throw ProblemException.invalidField("file", "needs a header row with the columns name and phone"
                            + " (姓名, 手机号); " + required.header + " is missing");
                }
            }
            List<Row> rows = new ArrayList<>();
            int index = 0;
            for (CSVRecord record : parser) {
                index++;
                Map<Column, String> cells = new EnumMap<>(Column.class);
                positions.forEach((column, position) -> {
                    String value = position < record.size() ? record.get(position).strip() : "";
                    if (!value.isEmpty()) {
                        cells.put(column, value);
                    }
                });
                // Empty lines and the rows of empty cells spreadsheets leave at the end are neither customers nor
                // errors (they are counted, so row numbers stay those of the spreadsheet).
                if (!cells.isEmpty()) {
                    if (rows.size() == MAX_ROWS) {
                        throw ProblemException.invalidField("file", "has more than " + MAX_ROWS
                                + " customers; split it");
                    }
                    rows.add(new Row(index + 1, cells));
                }
            }
            return new Parsed(rows, ignored);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalidField("file", "is not a CSV file this import can read: " + e.getMessage());
        }
    }

    private static Column columnNamed(String header) {
        String key = key(header);
        return Arrays.stream(Column.values()).filter(c -> c.names.contains(key)).findFirst().orElse(null);
    }

    /** Header names compare without case, spaces, underscores or dashes: "Birth date" is birthDate. */
    private static String key(String header) {
        return header.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
