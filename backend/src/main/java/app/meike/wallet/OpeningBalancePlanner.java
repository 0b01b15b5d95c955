package app.meike.wallet;

import app.meike.common.Money;
import app.meike.common.imports.CsvImport;
import app.meike.common.imports.ImportCells;
import app.meike.common.imports.ImportIssue;
import app.meike.customer.CustomerService.CustomerRef;
import app.meike.customer.PhoneNumbers;
import app.meike.tenancy.ClinicService.ClinicRef;
import app.meike.wallet.OpeningBalanceCsv.Column;
import app.meike.wallet.StoredValueDtos.ImportRowStatus;
import app.meike.wallet.StoredValueDtos.ImportRowView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks an opening-balance file row by row against itself and the chain, and works out the lots a commit writes.
 * A row is OK, an ERROR (any issue but a repeat), or a DUPLICATE: the same card as an earlier row of the file, or
 * one imported before. A card is the customer with the old system's reference, or, without one, with the row's
 * figures (principal, bonus, expiry), so importing a file again, or with another default clinic, brings in nothing.
 */
final class OpeningBalancePlanner {
    /** The stable codes of the report's issues, for clients to translate. */
    enum Code {
        REQUIRED, CONTROL_CHARACTER, TOO_LONG, BAD_PHONE, UNKNOWN_PHONE, CUSTOMER_MERGED, CUSTOMER_ERASED,
        ACCOUNT_FROZEN, BAD_AMOUNT, NEGATIVE_AMOUNT, TOO_MANY_DECIMALS, ZERO_AMOUNTS, AMOUNT_TOO_LARGE, BAD_DATE,
        EXPIRY_PAST, EXPIRY_TOO_FAR, UNKNOWN_CLINIC, CLINIC_REQUIRED, DUPLICATE_ROW, ALREADY_IMPORTED
    }

    /** The chain as the planner needs to see it. */
    interface Chain {
        Map<String, CustomerRef> customersByPhone(Collection<String> phones);

        Map<UUID, CustomerRef> customersById(Collection<UUID> ids);

        /** Customers of these whose account is frozen. */
        Set<UUID> frozen(Collection<UUID> customerIds);

        /** The cards of these customers imported before, as customer id + "|" + key. */
        Set<String> imported(Collection<UUID> customerIds);

        List<ClinicRef> clinics();
    }

    /** A lot a commit writes for a row. */
    record Opening(int row, UUID customerId, long principal, long bonus, LocalDate expiresOn,
                   String externalReference, UUID clinicId, String dedupeKey) {
    }

    record Plan(List<ImportRowView> rows, List<Opening> openings) {
    }

    /** A lot's most (the ledger's CHECK): 1,000,000,000.00. */
    static final long MAX_LOT = 100_000_000_000L;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Chain chain;
    private final LocalDate today;
    private final String currency;
    private final UUID defaultClinicId;

    OpeningBalancePlanner(Chain chain, LocalDate today, String currency, UUID defaultClinicId) {
        this.chain = chain;
        this.today = today;
        this.currency = currency;
        this.defaultClinicId = defaultClinicId;
    }

    /** One row as read, with its problems and, once resolved, whose card it is. */
    private static final class Line {
        final int row;
        final List<ImportIssue> issues = new ArrayList<>();
        String rawPhone;
        String phone;
        Long principal;
        Long bonus;
        LocalDate expiresOn;
        String reference;
        UUID clinicId;
        CustomerRef customer;

        Line(int row) {
            this.row = row;
        }

        void issue(Column column, Code code, String message) {
            issues.add(new ImportIssue(row, column.header(), code.name(), message));
        }

        boolean valid() {
            return issues.isEmpty();
        }

        String dedupeKey() {
            return reference != null ? "ref:" + reference
                    : "row:" + principal + "/" + bonus + "/" + (expiresOn == null ? "" : expiresOn);
        }
    }

    /** `customersBefore`: whom the rows' phones found when the file was checked before (empty on upload). */
    Plan plan(List<CsvImport.Row<Column>> rows, Map<Integer, UUID> customersBefore) {
        List<ClinicRef> clinics = chain.clinics();
        List<Line> lines = rows.stream().map(r -> read(r, clinics)).toList();
        Map<String, CustomerRef> byPhone = chain.customersByPhone(lines.stream().map(l -> l.phone)
                .filter(Objects::nonNull).distinct().toList());
        Map<UUID, CustomerRef> gone = chain.customersById(lines.stream()
                .filter(l -> l.phone != null && !byPhone.containsKey(l.phone))
                .map(l -> customersBefore.get(l.row)).filter(Objects::nonNull).toList());
        for (Line line : lines) {
            if (line.phone != null) {
                resolve(line, byPhone.get(line.phone), gone.get(customersBefore.get(line.row)));
            }
        }
        List<UUID> customers = lines.stream().filter(l -> l.customer != null).map(l -> l.customer.id()).distinct()
                .toList();
        Set<UUID> frozen = chain.frozen(customers);
        lines.stream().filter(l -> l.customer != null && frozen.contains(l.customer.id())).forEach(l -> l.issue(
                Column.PHONE, Code.ACCOUNT_FROZEN, "is a customer whose stored-value account is frozen; unfreeze it"
                        + " to import her balance"));
        Set<String> imported = chain.imported(customers);
        Map<String, Line> seen = new HashMap<>();
        List<ImportRowView> report = new ArrayList<>();
        List<Opening> openings = new ArrayList<>();
        for (Line line : lines) {
            ImportRowStatus status = ImportRowStatus.ERROR;
            if (line.valid()) {
                String card = line.customer.id() + "|" + line.dedupeKey();
                Line first = seen.putIfAbsent(card, line);
                Column column = line.reference != null ? Column.EXTERNAL_REFERENCE : Column.PHONE;
                if (first != null) {
                    line.issue(column, Code.DUPLICATE_ROW, "repeats row " + first.row + " (the same card of the same"
                            + " customer; only that row is imported)");
                    status = ImportRowStatus.DUPLICATE;
                } else if (imported.contains(card)) {
                    line.issue(column, Code.ALREADY_IMPORTED, "was imported before for this customer");
                    status = ImportRowStatus.DUPLICATE;
                } else {
                    status = ImportRowStatus.OK;
                    openings.add(new Opening(line.row, line.customer.id(), line.principal, line.bonus,
                            line.expiresOn, line.reference, line.clinicId, line.dedupeKey()));
                }
            }
            report.add(view(line, status));
        }
        return new Plan(report, openings);
    }

    private Line read(CsvImport.Row<Column> row, List<ClinicRef> clinics) {
        Line line = new Line(row.row());
        row.cells().forEach((column, value) -> {
            if (ImportCells.hasControlCharacter(value, false)) {
                line.issue(column, Code.CONTROL_CHARACTER, "contains a control character");
            }
        });
        if (!line.valid()) {
            return line;
        }
        line.rawPhone = row.get(Column.PHONE);
        if (line.rawPhone == null) {
            line.issue(Column.PHONE, Code.REQUIRED, "is required");
        } else {
            line.phone = PhoneNumbers.normalizeOrNull(line.rawPhone);
            if (line.phone == null) {
                line.issue(Column.PHONE, Code.BAD_PHONE, PhoneNumbers.RULE);
            }
        }
        line.principal = amount(line, row, Column.PRINCIPAL, true);
        line.bonus = amount(line, row, Column.BONUS, false);
        if (line.principal != null && line.bonus != null) {
            if (line.principal + line.bonus == 0) {
                line.issue(Column.PRINCIPAL, Code.ZERO_AMOUNTS, "principal and bonus are both zero");
            } else if (line.principal + line.bonus > MAX_LOT) {
                line.issue(Column.PRINCIPAL, Code.AMOUNT_TOO_LARGE, "principal and bonus add up to more than"
                        + " 1000000000.00");
            }
        }
        line.expiresOn = expiry(line, row.get(Column.EXPIRES_ON));
        line.reference = row.get(Column.EXTERNAL_REFERENCE);
        if (line.reference != null && line.reference.length() > 100) {
            line.issue(Column.EXTERNAL_REFERENCE, Code.TOO_LONG, "must be at most 100 characters");
        }
        line.clinicId = clinic(line, row.get(Column.CLINIC), clinics);
        return line;
    }

    /** Yuan with at most two decimals (12000, 12000.5, 12000.50), as minor units; an empty bonus is zero. */
    private static Long amount(Line line, CsvImport.Row<Column> row, Column column, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                line.issue(column, Code.REQUIRED, "is required");
                return null;
            }
            return 0L;
        }
        String number = value.replace(",", "");
        if (!NUMBER.matcher(number).matches() || number.length() > 16) {
            line.issue(column, Code.BAD_AMOUNT, "must be an amount such as 5000 or 5000.00");
            return null;
        }
        BigDecimal amount = new BigDecimal(number);
        if (amount.signum() < 0) {
            line.issue(column, Code.NEGATIVE_AMOUNT, "must not be negative");
            return null;
        }
        if (amount.scale() > 2) {
            line.issue(column, Code.TOO_MANY_DECIMALS, "has more than 2 decimals");
            return null;
        }
        return amount.movePointRight(2).longValueExact();
    }

    /** The last day the value is usable; today is fine, the past or the year 3000 are not. */
    private LocalDate expiry(Line line, String value) {
        if (value == null) {
            return null;
        }
        LocalDate date = ImportCells.date(value);
        if (date == null) {
            line.issue(Column.EXPIRES_ON, Code.BAD_DATE, ImportCells.DATE_RULE);
        } else if (date.isBefore(today)) {
            line.issue(Column.EXPIRES_ON, Code.EXPIRY_PAST, "is in the past (value that expired before the"
                    + " migration is not brought in)");
        } else if (date.getYear() >= 3000) {
            line.issue(Column.EXPIRES_ON, Code.EXPIRY_TOO_FAR, "is in the year 3000 or later; leave it empty for"
                    + " value that never expires");
        }
        return date;
    }

    /** The row's clinic by code (any case) or id, else the import's default. */
    private UUID clinic(Line line, String value, List<ClinicRef> clinics) {
        if (value == null) {
            if (defaultClinicId == null) {
                line.issue(Column.CLINIC, Code.CLINIC_REQUIRED, "is required when the import has no default clinic");
            }
            return defaultClinicId;
        }
        String key = value.toLowerCase(Locale.ROOT);
        return clinics.stream().filter(c -> c.id().toString().equals(key) || c.code().toLowerCase(Locale.ROOT)
                .equals(key)).map(ClinicRef::id).findFirst().orElseGet(() -> {
                    line.issue(Column.CLINIC, Code.UNKNOWN_CLINIC, "is not the code or id of a clinic of this chain");
                    return null;
                });
    }

    /** Whose card the row is; a phone that found someone before but no one now was merged or erased meanwhile. */
    private static void resolve(Line line, CustomerRef holder, CustomerRef before) {
        if (holder != null) {
            line.customer = holder;
        } else if (before != null && before.mergedInto() != null) {
            line.issue(Column.PHONE, Code.CUSTOMER_MERGED, "belonged to a customer merged into customer "
                    + before.mergedInto() + " since the upload; import her balance onto that customer");
        } else if (before != null && before.erased()) {
            line.issue(Column.PHONE, Code.CUSTOMER_ERASED, "belonged to a customer whose data was erased since the"
                    + " upload");
        } else {
            line.issue(Column.PHONE, Code.UNKNOWN_PHONE, "is not a customer of this chain (import the customers"
                    + " first)");
        }
    }

    private ImportRowView view(Line line, ImportRowStatus status) {
        String phone = line.phone != null ? PhoneNumbers.mask(line.phone)
                : line.rawPhone == null ? null : PhoneNumbers.mask(line.rawPhone);
        return new ImportRowView(line.row, status, phone, line.customer == null ? null : line.customer.id(),
                line.customer == null ? null : line.customer.name(), money(line.principal), money(line.bonus),
                line.expiresOn, line.reference, line.clinicId, null, List.copyOf(line.issues));
    }

    private Money money(Long amount) {
        return amount == null ? null : new Money(amount, currency);
    }
}
