package app.meike.wallet;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.imports.CsvImport;
import app.meike.common.imports.ImportStatus;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.customer.CustomerService.CustomerRef;
import app.meike.identity.Caller;
import app.meike.integration.IdempotencyKeys;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.ClinicService.ClinicRef;
import app.meike.wallet.OpeningBalancePlanner.Opening;
import app.meike.wallet.StoredValueDtos.ImportRowStatus;
import app.meike.wallet.StoredValueDtos.ImportRowView;
import app.meike.wallet.StoredValueDtos.StoredValueImportSummary;
import app.meike.wallet.StoredValueDtos.StoredValueImportView;
import app.meike.wallet.StoredValueLots.Lot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opening balances for chains migrating in: upload a CSV of prepaid balances to get a report per row (no money moves),
 * then commit it by id. A commit checks the file again against the chain as it is then and, in one transaction,
 * gives every OK row its lot with one OPENING entry on the customer's account (opened when she has none); rows that
 * are no longer OK (a customer erased or merged meanwhile, a card imported by another import) are skipped and say
 * why. An OPENING entry is neither qualifying spend nor points: value that was bought in the old system.
 */
@ApplicationScoped
public class StoredValueImportService {
    static final String ENTITY = "stored-value-import";

    @Inject
    StoredValueLedger ledger;
    @Inject
    StoredValueRulesService rules;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional
    public StoredValueImportView upload(String fileName, UUID defaultClinicId, String content) {
        clinics.requireClinic("clinicId", defaultClinicId);
        CsvImport.Parsed<OpeningBalanceCsv.Column> parsed = OpeningBalanceCsv.parse(content);
        OffsetDateTime now = Clocks.now(clock);
        OpeningBalancePlanner.Plan plan = planner(defaultClinicId, now).plan(parsed.rows(), Map.of());
        StoredValueImport job = new StoredValueImport();
        job.id = Ids.newId();
        job.uploaded(fileName, content, parsed.ignoredColumns(), caller.userId(), now);
        job.defaultClinicId = defaultClinicId;
        report(job, plan.rows(), now);
        job.persist();
        audit.record("stored-value-import.uploaded", ENTITY, job.id, counts(job));
        return view(job);
    }

    public StoredValueImportView get(UUID id) {
        return view(StoredValueImport.<StoredValueImport>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Stored-value import")));
    }

    /** Imports newest first, without their rows. */
    public Page<StoredValueImportSummary> list(PageRequest page) {
        List<Listed> rows = StoredValueImport.find(page.after() == null ? "order by id desc"
                        : "id < ?1 order by id desc", page.after() == null ? new Object[0] : new Object[] {page.after()})
                .project(Listed.class).page(0, page.fetchSize()).list();
        String currency = rules.currency();
        return page.page(rows, Listed::id, r -> new StoredValueImportSummary(r.id(), r.fileName(), r.status(),
                r.defaultClinicId(), r.totalRows(), r.okRows(), r.errorRows(), r.duplicateRows(),
                new Money(r.principal(), currency), new Money(r.bonus(), currency), r.createdBy(), r.createdAt(),
                r.committedBy(), r.committedAt()));
    }

    /** An import's columns but its rows and file. */
    public record Listed(UUID id, String fileName, ImportStatus status, UUID defaultClinicId, int totalRows,
                         int okRows, int errorRows, int duplicateRows, long principal, long bonus, String createdBy,
                         OffsetDateTime createdAt, String committedBy, OffsetDateTime committedAt) {
    }

    /** Brings the OK rows in, once per Idempotency-Key (a replay answers the same report); once per import (409). */
    @Transactional
    public StoredValueImportView commit(UUID id, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "stored-value.import-commit:" + id, Map.of(),
                StoredValueImportView.class, () -> {
                    // Locked, so a second commit of the same import waits and then finds it committed.
                    StoredValueImport job = StoredValueImport.<StoredValueImport>findByIdOptional(id,
                            LockModeType.PESSIMISTIC_WRITE)
                            .orElseThrow(() -> ProblemException.notFound("Stored-value import"));
                    if (job.status == ImportStatus.COMMITTED) {
                        throw ProblemException.conflict("This import was committed at " + job.committedAt
                                + "; upload the file again to import what it did not (the rest shows as already"
                                + " imported)");
                    }
                    OffsetDateTime now = Clocks.now(clock);
                    Map<Integer, UUID> before = job.rows.stream().filter(r -> r.customerId() != null)
                            .collect(Collectors.toMap(ImportRowView::row, ImportRowView::customerId));
                    OpeningBalancePlanner.Plan plan = planner(job.defaultClinicId, now)
                            .plan(OpeningBalanceCsv.parse(job.content).rows(), before);
                    Map<Integer, UUID> lots = write(job.id, plan.openings(), now);
                    job.committed(caller.userId(), now);
                    report(job, plan.rows().stream().map(r -> lots.containsKey(r.row()) ? r.withLot(lots.get(r.row()))
                            : r).toList(), now);
                    audit.record("stored-value-import.committed", ENTITY, job.id, counts(job));
                    return view(job);
                }).result();
    }

    /**
     * One lot and OPENING entry per opening, the accounts locked in id order (as every movement of several locks
     * them); answers the lot of each row.
     */
    private Map<Integer, UUID> write(UUID importId, List<Opening> openings, OffsetDateTime now) {
        Map<UUID, UUID> accountOf = new HashMap<>();
        openings.forEach(o -> accountOf.computeIfAbsent(o.customerId(), ledger::ensureAccount));
        Map<UUID, List<Opening>> byAccount = new TreeMap<>();
        openings.forEach(o -> byAccount.computeIfAbsent(accountOf.get(o.customerId()), a -> new ArrayList<>())
                .add(o));
        Map<UUID, StoredValueAccount> accounts = new LinkedHashMap<>();
        byAccount.keySet().forEach(a -> accounts.put(a, ledger.open(a, now)));
        // Another import committed meanwhile may have brought in some of the same cards: they waited on the locks.
        Set<String> imported = importedCards(accountOf.keySet());
        if (openings.stream().anyMatch(o -> imported.contains(o.customerId() + "|" + o.dedupeKey()))) {
            throw ProblemException.conflict("Another import brought in some of these balances meanwhile; nothing was"
                    + " written. Commit again: those rows will show as already imported");
        }
        StoredValueDebitOrder debitOrder = rules.rules().debitOrder;
        Map<Integer, UUID> lots = new HashMap<>();
        byAccount.forEach((accountId, held) -> {
            StoredValueAccount account = accounts.get(accountId);
            StoredValueLedger.requireNotFrozen(account, "import an opening balance into it");
            for (Opening o : held.stream().sorted(Comparator.comparingInt(Opening::row)).toList()) {
                StoredValueLot lot = StoredValueLot.of(account.id, Lot.incoming(Ids.newId(), o.principal(),
                        o.bonus(), debitOrder, true, Set.of(), now,
                        o.expiresOn() == null ? null : ledger.endOf(o.expiresOn())));
                lot.source = StoredValueLot.Source.OPENING;
                lot.soldAtClinicId = o.clinicId();
                StoredValueEntry entry = ledger.arrive(account, StoredValueEntryKind.OPENING, lot, now, e -> {
                    e.clinicId = o.clinicId();
                    e.reference = o.externalReference();
                    e.note = "Opening balance from import " + importId + ", row " + o.row();
                });
                StoredValueOpening opening = new StoredValueOpening();
                opening.lotId = lot.id;
                opening.importId = importId;
                opening.rowNo = o.row();
                opening.customerId = o.customerId();
                opening.accountId = account.id;
                opening.entryId = entry.id;
                opening.dedupeKey = o.dedupeKey();
                opening.externalReference = o.externalReference();
                opening.importedAt = now;
                opening.persist();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("importId", importId);
                details.put("row", o.row());
                details.put("entryId", entry.id);
                details.put("principal", entry.principal);
                details.put("bonus", entry.bonus);
                audit.record("stored-value.opening-imported", "stored-value-account", account.id, details);
                lots.put(o.row(), lot.id);
            }
        });
        return lots;
    }

    private OpeningBalancePlanner planner(UUID defaultClinicId, OffsetDateTime now) {
        return new OpeningBalancePlanner(new OpeningBalancePlanner.Chain() {
            @Override
            public Map<String, CustomerRef> customersByPhone(Collection<String> phones) {
                return customers.byPhones(phones);
            }

            @Override
            public Map<UUID, CustomerRef> customersById(Collection<UUID> ids) {
                return customers.byIds(ids);
            }

            @Override
            public Set<UUID> frozen(Collection<UUID> customerIds) {
                return customerIds.isEmpty() ? Set.of() : new HashSet<>(StoredValueAccount.getEntityManager()
                        .createQuery("select a.customerId from StoredValueAccount a where a.customerId in :ids"
                                + " and a.status = :frozen", UUID.class)
                        .setParameter("ids", customerIds)
                        .setParameter("frozen", StoredValueAccount.Status.FROZEN).getResultList());
            }

            @Override
            public Set<String> imported(Collection<UUID> customerIds) {
                return importedCards(customerIds);
            }

            @Override
            public List<ClinicRef> clinics() {
                return clinics.all();
            }
        }, now.atZoneSameInstant(rules.zone()).toLocalDate(), rules.currency(), defaultClinicId);
    }

    /** The cards of these customers imported before, as customer id + "|" + dedupe key. */
    private static Set<String> importedCards(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return StoredValueOpening.<StoredValueOpening>list("customerId in ?1", Set.copyOf(customerIds)).stream()
                .map(o -> o.customerId + "|" + o.dedupeKey).collect(Collectors.toSet());
    }

    private static void report(StoredValueImport job, List<ImportRowView> rows, OffsetDateTime now) {
        job.rows = rows;
        job.totalRows = rows.size();
        job.okRows = (int) rows.stream().filter(r -> r.status() == ImportRowStatus.OK).count();
        job.errorRows = (int) rows.stream().filter(r -> r.status() == ImportRowStatus.ERROR).count();
        job.duplicateRows = (int) rows.stream().filter(r -> r.status() == ImportRowStatus.DUPLICATE).count();
        job.principal = rows.stream().filter(r -> r.status() == ImportRowStatus.OK)
                .mapToLong(r -> r.principal().amount()).sum();
        job.bonus = rows.stream().filter(r -> r.status() == ImportRowStatus.OK).mapToLong(r -> r.bonus().amount())
                .sum();
        job.updatedAt = now;
    }

    private static Map<String, Object> counts(StoredValueImport job) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("fileName", job.fileName);
        counts.put("totalRows", job.totalRows);
        counts.put("okRows", job.okRows);
        counts.put("errorRows", job.errorRows);
        counts.put("duplicateRows", job.duplicateRows);
        counts.put("principal", job.principal);
        counts.put("bonus", job.bonus);
        return counts;
    }

    private StoredValueImportView view(StoredValueImport job) {
        String currency = rules.currency();
        return new StoredValueImportView(job.id, job.fileName, job.status, job.defaultClinicId, job.totalRows,
                job.okRows, job.errorRows, job.duplicateRows, new Money(job.principal, currency),
                new Money(job.bonus, currency), job.ignoredColumns, job.createdBy, job.createdAt, job.committedBy,
                job.committedAt, job.rows);
    }
}
