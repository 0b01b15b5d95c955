package app.meike.customer;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.imports.CsvImport;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerDtos.CustomerImportView;
import app.meike.common.imports.ImportIssue;
import app.meike.common.imports.ImportStatus;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customer imports for chains migrating in: upload a CSV to get a report per row, then commit it by id. A commit
 * checks the file again against the chain as it is then and applies every valid row in one transaction; rows
 * with an issue are skipped (the report names them) and never written in part. Importing a phone that is already
 * a customer updates her as ImportPlanner describes.
 */
@ApplicationScoped
public class CustomerImportService {
    /** How many issues the report lists; issueCount says how many there were. */
    static final int LISTED_ISSUES = 1000;
    static final String ENTITY = "customer-import";

    @Inject
    Caller caller;
    @Inject
    StaffService staff;
    @Inject
    TenantService tenants;
    @Inject
    CustomerTable table;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public CustomerImportView upload(String fileName, String content) {
        CsvImport.Parsed<CustomerCsv.Column> parsed = CustomerCsv.parse(content);
        OffsetDateTime now = Clocks.now(clock);
        ImportPlanner.Plan plan = planner(now).plan(parsed.rows());
        CustomerImport job = new CustomerImport();
        job.id = Ids.newId();
        job.uploaded(fileName, content, parsed.ignoredColumns(), caller.userId(), now);
        report(job, plan, now);
        job.persist();
        audit.record("customer-import.uploaded", ENTITY, job.id, counts(job));
        return view(job);
    }

    public CustomerImportView get(UUID id) {
        return view(CustomerImport.<CustomerImport>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Customer import")));
    }

    @Transactional
    public CustomerImportView commit(UUID id) {
        // Locked, so a second commit of the same import waits and then finds it committed.
        CustomerImport job = CustomerImport.<CustomerImport>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Customer import"));
        if (job.status == ImportStatus.COMMITTED) {
            throw ProblemException.conflict("This import was committed at " + job.committedAt + "; upload the file"
                    + " again to re-import it");
        }
        OffsetDateTime now = Clocks.now(clock);
        ImportPlanner.Plan plan = planner(now).plan(CustomerCsv.parse(job.content).rows());
        table.insert(plan.inserts(), now);
        table.update(plan.updates(), now);
        table.attachReferrers(plan.inserts(), now);
        plan.changes().forEach((customerId, changes) -> audit.record("customer.updated", "customer", customerId,
                withImport(changes, job.id)));
        job.committed(caller.userId(), now);
        report(job, plan, now);
        audit.record("customer-import.committed", ENTITY, job.id, counts(job));
        return view(job);
    }

    private ImportPlanner planner(OffsetDateTime now) {
        ZoneId zone = ZoneId.of(tenants.timeZoneOf(caller.tenantId()));
        return new ImportPlanner(new ImportPlanner.Chain() {
            @Override
            public Map<String, CustomerRow> customersByPhone(Collection<String> phones) {
                return table.byPhones(phones);
            }

            @Override
            public UUID referrerOf(UUID customerId) {
                return table.referrerOf(customerId);
            }

            @Override
            public Map<String, UUID> staffByUsername(Collection<String> usernames) {
                return staff.idsByUsername(usernames);
            }
        }, zone, now, caller.userId());
    }

    private static void report(CustomerImport job, ImportPlanner.Plan plan, OffsetDateTime now) {
        job.totalRows = plan.totalRows();
        job.newRows = plan.inserts().size();
        job.changedRows = plan.updates().size();
        job.unchangedRows = plan.unchangedRows();
        job.invalidRows = plan.invalidRows();
        job.issueCount = plan.issues().size();
        job.issues = new ArrayList<>(plan.issues().subList(0, Math.min(LISTED_ISSUES, plan.issues().size())));
        job.updatedAt = now;
    }

    private static Map<String, Object> withImport(Changes changes, UUID importId) {
        Map<String, Object> entry = new LinkedHashMap<>(changes.asMap());
        entry.put("importId", importId);
        return entry;
    }

    private static Map<String, Object> counts(CustomerImport job) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("fileName", job.fileName);
        counts.put("totalRows", job.totalRows);
        counts.put("newRows", job.newRows);
        counts.put("changedRows", job.changedRows);
        counts.put("unchangedRows", job.unchangedRows);
        counts.put("invalidRows", job.invalidRows);
        return counts;
    }

    private static CustomerImportView view(CustomerImport job) {
        List<ImportIssue> issues = job.issues == null ? List.of() : job.issues;
        return new CustomerImportView(job.id, job.fileName, job.status, job.totalRows, job.newRows, job.changedRows,
                job.unchangedRows, job.invalidRows, job.issueCount, issues, job.ignoredColumns, job.createdBy,
                job.createdAt, job.committedBy, job.committedAt);
    }
}
