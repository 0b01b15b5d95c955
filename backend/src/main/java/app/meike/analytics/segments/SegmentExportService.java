package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentMember;
import app.meike.analytics.segments.SegmentQueries.MemberRow;
import app.meike.analytics.segments.SegmentQueries.Position;
import app.meike.analytics.segments.SegmentService.Segment;
import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.customer.CustomerService;
import app.meike.identity.Caller;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A segment's members as CSV (UTF-8 with BOM, for Excel), best score first, streamed page by page. Audited like the
 * customer export before any row leaves: who, which segment, how many rows, whether phones were masked.
 */
@ApplicationScoped
public class SegmentExportService {
    private static final int PAGE = 1000;
    private static final List<String> HEADERS = List.of("id", "name", "phone", "tier", "memberYear", "spend",
            "visits", "items", "score", "lastVisitDate", "homeClinic", "owner");

    /** An export recorded in the audit log, ready to be written as of `at`. */
    public record Export(Segment segment, UUID clinicId, OffsetDateTime at, boolean masked, ZoneId zone, long rows,
                         String fileName) {
    }

    @Inject
    SegmentService segments;
    @Inject
    SegmentQueries queries;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    TenantService tenants;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public Export start(String key, UUID clinicId) {
        Segment segment = segments.resolve(key);
        clinics.requireClinic("clinicId", clinicId);
        OffsetDateTime now = Clocks.now(clock);
        long rows = queries.count(segment.where(queries, clinicId, now), now);
        boolean masked = customers.phonesMasked();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("format", "CSV");
        entry.put("segment", segment.key());
        entry.put("segmentName", segment.name());
        entry.put("clinicId", clinicId);
        entry.put("rows", rows);
        entry.put("phonesMasked", masked);
        audit.record("segment.exported", "customer-list", Ids.newId(), entry);
        ZoneId zone = ZoneId.of(tenants.timeZoneOf(caller.tenantId()));
        String fileName = "segment-" + segment.key().toLowerCase(java.util.Locale.ROOT) + "-"
                + now.atZoneSameInstant(zone).toLocalDate() + ".csv";
        return new Export(segment, clinicId, now, masked, zone, rows, fileName);
    }

    @Transactional
    public void write(Export export, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        printer.printRecord(HEADERS);
        Position after = null;
        while (true) {
            List<MemberRow> page = queries.page(export.segment().where(queries, export.clinicId(), export.at()),
                    export.at(), after, PAGE);
            for (SegmentMember m : segments.members(page, export.masked())) {
                printer.printRecord(m.id(), m.name(), m.phone(), m.tier() == null ? "" : m.tier().name(),
                        text(m.memberYear()), m.spend() == null ? "" : BigDecimal.valueOf(m.spend().amount(), 2),
                        text(m.visits()), text(m.items()), text(m.score()),
                        m.lastVisitAt() == null ? "" : m.lastVisitAt().atZoneSameInstant(export.zone()).toLocalDate(),
                        text(m.homeClinicName()), text(m.ownerName()));
            }
            if (page.size() < PAGE) {
                break;
            }
            MemberRow last = page.get(page.size() - 1);
            after = new Position(last.sortScore(), last.id());
        }
        printer.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
