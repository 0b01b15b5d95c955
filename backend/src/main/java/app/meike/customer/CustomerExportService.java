package app.meike.customer;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.persistence.Filter;
import app.meike.customer.CustomerCsv.Column;
import app.meike.customer.CustomerService.CustomerQuery;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ChainSettingsService;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Exports of the customer list (the filters of GET /customers) as CSV or XLSX, streamed page by page. The columns
 * are the import's, so an export can be edited and imported back, plus read-only ones the import ignores.
 */
@ApplicationScoped
public class CustomerExportService {
    private static final int PAGE = 1000;
    private static final List<String> HEADERS = headers();

    public enum Format { CSV, XLSX }

    /** An export recorded in the audit log, ready to be written. */
    public record Export(CustomerQuery query, Format format, boolean masked, ZoneId zone, Duration churnWindow,
                         long rows, String fileName) {
    }

    @Inject
    CustomerService customers;
    @Inject
    Caller caller;
    @Inject
    StaffService staff;
    @Inject
    TenantService tenants;
    @Inject
    ChainSettingsService settings;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Counts and audits the export before any row leaves, so even an export cut short is on record. */
    @Transactional
    public Export start(CustomerQuery query, Format format) {
        Duration churnWindow = settings.churnWindow();
        Filter filter = CustomerService.filter(query, Clocks.now(clock), churnWindow);
        long rows = Customer.count(filter.where(), filter.params());
        boolean masked = customers.phonesMasked();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("format", format);
        entry.put("filter", query.described());
        entry.put("rows", rows);
        entry.put("phonesMasked", masked);
        audit.record("customer.exported", CustomerService.LIST_ENTITY, Ids.newId(), entry);
        ZoneId zone = ZoneId.of(tenants.timeZoneOf(caller.tenantId()));
        String fileName = "customers-" + Clocks.now(clock).atZoneSameInstant(zone).toLocalDate() + "."
                + format.name().toLowerCase(Locale.ROOT);
        return new Export(query, format, masked, zone, churnWindow, rows, fileName);
    }

    @Transactional
    public void write(Export export, OutputStream out) throws IOException {
        if (export.format() == Format.CSV) {
            // The BOM makes Excel read the file as UTF-8 (Chinese names would be garbled otherwise).
            out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(HEADERS);
            pages(export, row -> printer.printRecord(row));
            printer.flush();
        } else {
            Workbook workbook = new Workbook(out, "MeiKe", "1.0");
            Worksheet sheet = workbook.newWorksheet("customers");
            // Inline strings: a shared-strings table would keep every distinct value in memory until the end.
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.inlineString(0, c, HEADERS.get(c));
            }
            int[] next = {1};
            pages(export, row -> {
                for (int c = 0; c < row.size(); c++) {
                    sheet.inlineString(next[0], c, row.get(c));
                }
                next[0]++;
                if (next[0] % PAGE == 0) {
                    sheet.flush();
                }
            });
            workbook.finish();
        }
    }

    private interface RowWriter {
        void write(List<String> row) throws IOException;
    }

    /** Pages of the list in id order, each written and then let go, so memory stays flat whatever the count. */
    private void pages(Export export, RowWriter writer) throws IOException {
        OffsetDateTime now = Clocks.now(clock);
        UUID after = null;
        while (true) {
            Filter filter = CustomerService.filter(export.query(), now, export.churnWindow()).and("id > :after", "after", after);
            List<Customer> page = Customer.<Customer>find(filter.where() + " order by id", filter.params())
                    .page(0, PAGE).list();
            Map<UUID, String> referrerPhones = phonesOf(page.stream().map(c -> c.referrerId).toList());
            Map<UUID, String> owners = staff.usernamesOf(page.stream().map(c -> c.ownerStaffId)
                    .filter(Objects::nonNull).collect(Collectors.toSet()));
            for (Customer c : page) {
                writer.write(row(c, export, referrerPhones, owners, now));
            }
            Customer.getEntityManager().clear();
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id;
        }
    }

    private static List<String> row(Customer c, Export export, Map<UUID, String> referrerPhones,
                                    Map<UUID, String> owners, OffsetDateTime now) {
        String referrerPhone = c.referrerId == null ? null : referrerPhones.get(c.referrerId);
        List<String> row = new ArrayList<>(HEADERS.size());
        row.add(c.id.toString());
        row.add(c.name);
        row.add(export.masked() ? PhoneNumbers.mask(c.phone) : c.phone);
        row.add(text(c.gender));
        row.add(text(c.birthDate));
        row.add(text(c.source));
        row.add(referrerPhone == null ? "" : export.masked() ? PhoneNumbers.mask(referrerPhone) : referrerPhone);
        row.add(String.join(";", c.tags));
        row.add(date(c.firstVisitAt, export.zone()));
        row.add(c.ownerStaffId == null ? "" : owners.getOrDefault(c.ownerStaffId, ""));
        row.add(text(c.notes));
        row.add(String.valueOf(c.marketingConsent));
        row.add(Lifecycle.of(c, now, export.churnWindow()).name());
        row.add(date(c.firstPurchaseAt, export.zone()));
        row.add(date(c.lastVisitAt, export.zone()));
        return row;
    }

    private static List<String> headers() {
        List<String> headers = new ArrayList<>();
        headers.add("id");
        Arrays.stream(Column.values()).map(Column::header).forEach(headers::add);
        headers.addAll(List.of("status", "firstPurchaseDate", "lastVisitDate"));
        return List.copyOf(headers);
    }

    private static Map<UUID, String> phonesOf(List<UUID> ids) {
        List<UUID> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        return wanted.isEmpty() ? Map.of() : Customer.<Customer>find("id in ?1", wanted).list().stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.phone));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String date(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : time.atZoneSameInstant(zone).toLocalDate().toString();
    }
}
