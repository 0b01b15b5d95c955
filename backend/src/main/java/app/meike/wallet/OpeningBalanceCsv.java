package app.meike.wallet;

import app.meike.common.imports.CsvImport;

import java.util.List;

/** The opening-balance file's columns, in English or Chinese names; CsvImport reads the file. */
final class OpeningBalanceCsv {
    /** A chain migrating in brings its card holders in batches; a larger file is split. */
    static final int MAX_ROWS = 10_000;

    enum Column implements CsvImport.Column {
        PHONE("phone", "手机号", "手机", "电话"),
        PRINCIPAL("principal", "本金", "储值本金", "实付金额"),
        BONUS("bonus", "赠送金额", "赠金", "赠送"),
        EXPIRES_ON("expiresOn", "有效期至", "到期日期", "expiry"),
        EXTERNAL_REFERENCE("externalReference", "原卡号", "卡号", "会员卡号", "cardNo"),
        CLINIC("clinic", "售卡门店", "门店", "clinicCode");

        private final CsvImport.Names names;

        Column(String header, String... aliases) {
            this.names = CsvImport.Names.of(header, aliases);
        }

        @Override
        public CsvImport.Names names() {
            return names;
        }
    }

    private OpeningBalanceCsv() {
    }

    static CsvImport.Parsed<Column> parse(String text) {
        return CsvImport.parse(text, Column.class, List.of(Column.PHONE, Column.PRINCIPAL), MAX_ROWS);
    }
}
