package app.meike.customer;

import app.meike.common.imports.CsvImport;

import java.util.List;

/**
 * The customer file's columns, in English or Chinese names; CsvImport reads the file. Export writes the same
 * columns, so an export can be edited and imported back.
 */
final class CustomerCsv {
    static final int MAX_ROWS = 200_000;
    static final String TAG_SEPARATORS = "[;；|、]";

    /** The columns import reads, each with its header (first) and the other names it is known by. */
    enum Column implements CsvImport.Column {
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

        private final CsvImport.Names names;

        Column(String header, String... aliases) {
            this.names = CsvImport.Names.of(header, aliases);
        }

        @Override
        public CsvImport.Names names() {
            return names;
        }
    }

    private CustomerCsv() {
    }

    static CsvImport.Parsed<Column> parse(String text) {
        return CsvImport.parse(text, Column.class, List.of(Column.NAME, Column.PHONE), MAX_ROWS);
    }
}
