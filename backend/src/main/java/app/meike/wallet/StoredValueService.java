package app.meike.wallet;

import app.meike.audit.AuditLog;
import app.meike.catalog.StoredValuePlanService;
import app.meike.catalog.StoredValuePlanService.PlanRef;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerMerged;
import app.meike.customer.CustomerService;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.integration.IdempotencyKeys;
import app.meike.membership.Memberships;
import app.meike.membership.Memberships.SpendSource;
import app.meike.tenancy.ClinicService;
import app.meike.wallet.StoredValueAccount.Status;
import app.meike.wallet.StoredValueDtos.AccountView;
import app.meike.wallet.StoredValueDtos.Adjustment;
import app.meike.wallet.StoredValueDtos.DebitCreate;
import app.meike.wallet.StoredValueDtos.EntryView;
import app.meike.wallet.StoredValueDtos.ExpiryRunResult;
import app.meike.wallet.StoredValueDtos.Reactivation;
import app.meike.wallet.StoredValueDtos.Reason;
import app.meike.wallet.StoredValueDtos.TenderView;
import app.meike.wallet.StoredValueDtos.TopUpCreate;
import app.meike.wallet.StoredValueDtos.TopUpResult;
import app.meike.wallet.StoredValueDtos.TopUpView;
import app.meike.wallet.StoredValueDtos.TransferCreate;
import app.meike.wallet.StoredValueDtos.TransferResult;
import app.meike.wallet.StoredValueLots.Lot;
import app.meike.wallet.StoredValueLots.Share;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.meike.common.Strings.blankToNull;
import static app.meike.wallet.StoredValueLedger.asLots;
import static app.meike.wallet.StoredValueLedger.byId;
import static app.meike.wallet.StoredValueLedger.openLots;
import static app.meike.wallet.StoredValueLedger.requireNotFrozen;

/**
 * Customers' stored value: top-ups, raw debits and their reversal, adjustments, expiry and reactivation, freezing
 * and transfers. Every movement runs once per Idempotency-Key through the ledger, which locks the account first.
 * Staff limited to some clinics act where they work: top-ups and debits at their clinic, a debit's reversal where
 * it was spent, the rest on accounts with value sold at one of their clinics; anyone may read an account.
 */
@ApplicationScoped
public class StoredValueService {
    @Inject
    StoredValueLedger ledger;
    @Inject
    StoredValueDebits debits;
    @Inject
    StoredValueRulesService rules;
    @Inject
    StoredValuePlanService plans;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    Memberships memberships;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record AccountQuery(UUID customerId, Status status, UUID clinicId) {
    }

    /** Accounts newest first; lots already due are expired first, so balances are always spendable value. */
    @Transactional
    public Page<AccountView> list(AccountQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", query.customerId())
                .and("status = :status", "status", query.status())
                .and("id in (select l.accountId from StoredValueLot l where l.soldAtClinicId = :clinic)", "clinic",
                        query.clinicId())
                .and("id < :after", "after", page.after());
        List<UUID> ids = StoredValueAccount.find(filter.where() + " order by id desc", filter.params())
                .project(AccountId.class).page(0, page.fetchSize()).list().stream().map(AccountId::id).toList();
        ledger.expireDueNow(ids);
        List<StoredValueAccount> rows = ids.isEmpty() ? List.of()
                : StoredValueAccount.list("id in ?1 order by id desc", ids);
        Map<UUID, AccountView> views = ledger.views(rows);
        return page.page(rows, a -> a.id, a -> views.get(a.id));
    }

    public record AccountId(UUID id) {
    }

    @Transactional
    public AccountView account(UUID accountId) {
        ledger.expireDueNow(List.of(accountId));
        return ledger.view(StoredValueAccount.<StoredValueAccount>findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("Stored-value account")));
    }

    /** The ledger newest first (the order entries were written in, so the running balances read down). */
    public Page<EntryView> entries(UUID accountId, PageRequest page) {
        if (StoredValueAccount.count("id", accountId) == 0) {
            throw ProblemException.notFound("Stored-value account");
        }
        List<StoredValueEntry> rows = StoredValueEntry.<StoredValueEntry>find(page.after() == null
                        ? "accountId = ?1 order by id desc" : "accountId = ?1 and id < ?2 order by id desc",
                page.after() == null ? new Object[] {accountId} : new Object[] {accountId, page.after()})
                .page(0, page.fetchSize()).list();
        List<EntryView> views = ledger.entryViews(rows);
        Map<UUID, EntryView> byId = new LinkedHashMap<>();
        views.forEach(v -> byId.put(v.id(), v));
        return page.page(rows, e -> e.id, e -> byId.get(e.id));
    }

    /**
     * Sells a plan: tenders covering the price exactly, a plan on sale today at a clinic the caller works in. Opens
     * the customer's account on her first top-up. Not qualifying spend: spending it is.
     */
    @Transactional
    public TopUpResult topUp(String idempotencyKey, TopUpCreate request) {
        customers.requireCustomer("customerId", request.customerId());
        clinics.requireWorkplace("clinicId", request.clinicId());
        PlanRef plan = plans.plan(request.planId())
                .orElseThrow(() -> ProblemException.invalidField("planId", "is not a plan of this chain"));
        UUID consultantId = request.consultantId() != null ? request.consultantId()
                : caller.hasRole(Roles.CONSULTANT) ? caller.staffId() : null;
        if (consultantId != null) {
            staff.requireStaffAt("consultantId", consultantId, request.clinicId());
        }
        List<TenderView> tenders = ledger.payments(request.tenders(), plan.price(), "the plan's price");
        LocalDate today = Clocks.now(clock).atZoneSameInstant(rules.zone()).toLocalDate();
        if (!plan.onSaleOn(today)) {
            throw ProblemException.unprocessable("Plan " + plan.name() + " is not on sale today");
        }
        if (!plan.soldAt(request.clinicId())) {
            throw ProblemException.unprocessable("Plan " + plan.name() + " is not sold at this clinic");
        }
        return idempotency.once(idempotencyKey, "stored-value.top-up", request, TopUpResult.class, () -> {
            OffsetDateTime now = Clocks.now(clock);
            StoredValueAccount account = ledger.openFor(request.customerId(), now);
            requireNotFrozen(account, "top it up");
            TopUp topUp = new TopUp();
            topUp.id = Ids.newId();
            topUp.accountId = account.id;
            topUp.customerId = request.customerId();
            topUp.planId = plan.id();
            topUp.planName = plan.name();
            topUp.clinicId = request.clinicId();
            topUp.consultantId = consultantId;
            topUp.price = plan.price();
            topUp.value = plan.value();
            topUp.toppedUpAt = now;
            topUp.toppedUpBy = caller.userId();
            topUp.persist();
            StoredValueLot lot = StoredValueLot.of(account.id, Lot.incoming(Ids.newId(), plan.price(),
                    plan.value() - plan.price(), rules.rules().debitOrder, plan.allClinics(),
                    Set.copyOf(plan.clinicIds()), now, ledger.expiryAfter(now, plan.validityDays())));
            lot.source = StoredValueLot.Source.TOP_UP;
            lot.planId = plan.id();
            lot.topUpId = topUp.id;
            lot.soldAtClinicId = request.clinicId();
            lot.validityDays = plan.validityDays();
            StoredValueEntry entry = ledger.arrive(account, StoredValueEntryKind.TOP_UP, lot, now, e -> {
                e.topUpId = topUp.id;
                e.clinicId = request.clinicId();
            });
            ledger.tenders(entry, tenders);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("topUpId", topUp.id);
            details.put("planId", plan.id());
            details.put("price", plan.price());
            details.put("value", plan.value());
            details.put("tenders", tenders.stream().map(t -> t.method() + " " + t.amount().amount()).toList());
            audit.record("stored-value.topped-up", "stored-value-account", account.id, details);
            String currency = rules.currency();
            return new TopUpResult(new TopUpView(topUp.id, account.id, topUp.customerId, plan.id(), plan.name(),
                    topUp.clinicId, consultantId, new Money(plan.price(), currency), new Money(plan.value(), currency),
                    lot.id, entry.id, tenders, now, topUp.toppedUpBy), ledger.view(account));
        }).result();
    }

    /**
     * Spends from the lots usable at the clinic, outside an order; the principal part is qualifying spend. Runs
     * outside a transaction: the debit is one statement that commits by itself (see StoredValueDebits).
     */
    public EntryView debit(UUID accountId, String idempotencyKey, DebitCreate request) {
        requireAmount("amount", request.amount());
        return debits.raw(accountId, idempotencyKey, request);
    }

    /** Gives a raw debit back exactly, once; its principal part comes off the qualifying spend. */
    @Transactional
    public EntryView reverse(UUID accountId, UUID entryId, String idempotencyKey, Reason request) {
        String reason = request.reason().trim();
        return idempotency.once(idempotencyKey, "stored-value.reversal:" + entryId, request, EntryView.class, () -> {
            OffsetDateTime now = Clocks.now(clock);
            StoredValueAccount account = ledger.open(accountId, now);
            StoredValueEntry debit = StoredValueEntry.<StoredValueEntry>find("id = ?1 and accountId = ?2", entryId,
                    accountId).firstResultOptional().filter(e -> e.kind == StoredValueEntryKind.DEBIT)
                    .orElseThrow(() -> ProblemException.notFound("Debit"));
            if (!caller.mayWorkIn(debit.clinicId)) {
                throw ProblemException.forbidden("You do not work at the clinic where this debit was spent");
            }
            if (debit.orderId != null) {
                throw ProblemException.unprocessable("This debit paid order " + debit.orderId
                        + "; refund the order to give it back");
            }
            if (StoredValueEntry.count("reversesEntryId = ?1 and kind = ?2", debit.id,
                    StoredValueEntryKind.REVERSAL) > 0) {
                throw ProblemException.conflict("This debit was reversed already");
            }
            StoredValueEntry entry = ledger.giveBack(account, debit, -(debit.principal + debit.bonus), now, e -> {
                e.clinicId = debit.clinicId;
                e.reason = reason;
            });
            if (entry.principal > 0) {
                memberships.recordSpend(account.customerId, entry.id, SpendSource.STORED_VALUE_REVERSAL,
                        -entry.principal, now);
            }
            audited("stored-value.reversed", account, entry, reason);
            return ledger.view(entry);
        }).result();
    }

    /**
     * A correction by hand: positive parts make a new lot (every clinic, never expiring); negative parts take
     * exactly that principal and bonus, oldest lots first, as consumption that is not qualifying spend.
     */
    @Transactional
    public EntryView adjust(UUID accountId, String idempotencyKey, Adjustment request) {
        String currency = rules.currency();
        List<FieldError> errors = new ArrayList<>();
        requireCurrency(errors, "principal.currency", request.principal().currency(), currency);
        requireCurrency(errors, "bonus.currency", request.bonus().currency(), currency);
        long principal = request.principal().amount();
        long bonus = request.bonus().amount();
        if (principal == 0 && bonus == 0) {
            errors.add(new FieldError("principal.amount", "principal and bonus must not both be zero"));
        } else if (principal < 0 && bonus > 0 || principal > 0 && bonus < 0) {
            errors.add(new FieldError("bonus.amount", "must have the principal's sign (or be zero)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        clinics.requireClinic("clinicId", request.clinicId());
        String reason = request.reason().trim();
        return idempotency.once(idempotencyKey, "stored-value.adjust:" + accountId, request, EntryView.class, () -> {
            OffsetDateTime now = Clocks.now(clock);
            StoredValueAccount account = ledger.open(accountId, now);
            ledger.requireActsFor(account);
            StoredValueEntry entry = principal + bonus > 0
                    ? ledger.arrive(account, StoredValueEntryKind.ADJUST, adjustmentLot(account, principal, bonus,
                    request.clinicId(), now), now, e -> e.reason = reason)
                    : take(account, -principal, -bonus, now, reason);
            audited("stored-value.adjusted", account, entry, reason);
            return ledger.view(entry);
        }).result();
    }

    /** Expired lots become live again, expiring `validityDays` from today or after their own validity. */
    @Transactional
    public EntryView reactivate(UUID accountId, String idempotencyKey, Reactivation request) {
        String reason = request.reason().trim();
        return idempotency.once(idempotencyKey, "stored-value.reactivate:" + accountId, request, EntryView.class,
                () -> {
                    OffsetDateTime now = Clocks.now(clock);
                    StoredValueAccount account = ledger.open(accountId, now);
                    ledger.requireActsFor(account);
                    List<StoredValueLot> lots = openLots(account);
                    List<Share> shares = StoredValueLots.reactivate(asLots(lots));
                    if (shares.isEmpty()) {
                        throw ProblemException.unprocessable("Nothing on this account has expired");
                    }
                    Map<UUID, StoredValueLot> byId = byId(lots);
                    for (Share share : shares) {
                        StoredValueLot lot = byId.get(share.lotId());
                        lot.expiresAt = ledger.expiryAfter(now, request.validityDays() != null
                                ? request.validityDays() : lot.validityDays);
                    }
                    StoredValueEntry entry = ledger.record(account, StoredValueEntryKind.REACTIVATE, shares, byId,
                            List.of(), now, e -> e.reason = reason);
                    audited("stored-value.reactivated", account, entry, reason);
                    return ledger.view(entry);
                }).result();
    }

    /** Stops debits, top-ups and transfers (a lost card, a dispute); refunds stay possible. */
    @Transactional
    public AccountView freeze(UUID accountId, Reason request) {
        OffsetDateTime now = Clocks.now(clock);
        StoredValueAccount account = inStatus(accountId, Status.ACTIVE, "frozen", now);
        account.status = Status.FROZEN;
        account.frozenReason = request.reason().trim();
        account.frozenAt = now;
        account.frozenBy = caller.userId();
        audit.record("stored-value.frozen", "stored-value-account", account.id,
                Map.of("reason", account.frozenReason));
        return ledger.view(account);
    }

    @Transactional
    public AccountView unfreeze(UUID accountId, Reason request) {
        OffsetDateTime now = Clocks.now(clock);
        StoredValueAccount account = inStatus(accountId, Status.FROZEN, "unfrozen", now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", request.reason().trim());
        details.put("frozenReason", account.frozenReason);
        account.thaw(Status.ACTIVE);
        audit.record("stored-value.unfrozen", "stored-value-account", account.id, details);
        return ledger.view(account);
    }

    /** The account, locked for a change of status that only an account in `required` may make (409 otherwise). */
    private StoredValueAccount inStatus(UUID accountId, Status required, String becoming, OffsetDateTime now) {
        StoredValueAccount account = ledger.open(accountId, now);
        ledger.requireActsFor(account);
        if (account.status != required) {
            throw ProblemException.conflict("The account is " + account.status + "; only one that is " + required
                    + " can be " + becoming);
        }
        account.updatedAt = now;
        return account;
    }

    /**
     * Moves every live lot with value to another customer: the source lot is emptied and closed, hers keeps its
     * principal, bonus, consumption, clinics, debit order and expiry, so the refund formula carries over. Both
     * accounts are locked in id order, as any other pair would be.
     */
    @Transactional
    public TransferResult transfer(UUID accountId, String idempotencyKey, TransferCreate request) {
        customers.requireCustomer("toCustomerId", request.toCustomerId());
        String reason = request.reason().trim();
        return idempotency.once(idempotencyKey, "stored-value.transfer:" + accountId, request, TransferResult.class,
                () -> {
                    OffsetDateTime now = Clocks.now(clock);
                    UUID fromCustomer = StoredValueAccount.getEntityManager().createQuery("select a.customerId"
                                    + " from StoredValueAccount a where a.id = :id", UUID.class)
                            .setParameter("id", accountId).getResultStream().findFirst()
                            .orElseThrow(() -> ProblemException.notFound("Stored-value account"));
                    if (fromCustomer.equals(request.toCustomerId())) {
                        throw ProblemException.invalidField("toCustomerId", "is the account's own customer");
                    }
                    UUID targetId = ledger.ensureAccount(request.toCustomerId());
                    StoredValueAccount first = ledger.open(accountId.compareTo(targetId) < 0 ? accountId : targetId,
                            now);
                    StoredValueAccount second = ledger.open(accountId.compareTo(targetId) < 0 ? targetId : accountId,
                            now);
                    StoredValueAccount source = first.id.equals(accountId) ? first : second;
                    StoredValueAccount target = first.id.equals(accountId) ? second : first;
                    ledger.requireActsFor(source);
                    requireNotFrozen(source, "transfer from it");
                    requireNotFrozen(target, "transfer to it");
                    moveLots(source, target, now, reason);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("toAccountId", target.id);
                    details.put("toCustomerId", target.customerId);
                    details.put("reason", reason);
                    audit.record("stored-value.transferred", "stored-value-account", source.id, details);
                    return new TransferResult(ledger.view(source), ledger.view(target));
                }).result();
    }

    /** A customer whose live stored value starts expiring at `earliestExpiry`. */
    public record ExpiringValue(UUID customerId, OffsetDateTime earliestExpiry) {
    }

    /** Customers with live lots holding value that expire in (from, until], soonest first (follow-up reminders). */
    public List<ExpiringValue> expiringBetween(OffsetDateTime from, OffsetDateTime until) {
        return StoredValueLot.getEntityManager().createQuery("select a.customerId, min(l.expiresAt)"
                        + " from StoredValueLot l, StoredValueAccount a where a.id = l.accountId"
                        + " and a.status <> :closed and l.status = :live"
                        + " and l.principalRemaining + l.bonusRemaining > 0"
                        + " and l.expiresAt > :from and l.expiresAt <= :until"
                        + " group by a.customerId order by min(l.expiresAt), a.customerId", Object[].class)
                .setParameter("closed", StoredValueAccount.Status.CLOSED)
                .setParameter("live", StoredValueLots.Status.LIVE)
                .setParameter("from", from).setParameter("until", until)
                .getResultStream().map(r -> new ExpiringValue((UUID) r[0], (OffsetDateTime) r[1])).toList();
    }

    /**
     * Expires every lot due by `asOf` (now when null; never later than now), one account per transaction so a large
     * chain never holds many locks; a lot expires once, so running again expires nothing more.
     */
    public ExpiryRunResult expireDue(OffsetDateTime asOf) {
        OffsetDateTime cutoff = Clocks.asOf(asOf, clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> StoredValueLot.getEntityManager()
                .createQuery("select distinct l.accountId from StoredValueLot l where l.status <> :closed"
                        + " and l.principalRemaining + l.bonusRemaining > 0 and l.expiresAt <= :asOf", UUID.class)
                .setParameter("closed", StoredValueLots.Status.CLOSED)
                .setParameter("asOf", cutoff).getResultList());
        int accounts = 0;
        int lots = 0;
        long principal = 0;
        long bonus = 0;
        for (UUID accountId : due) {
            List<Share> expired = QuarkusTransaction.requiringNew().call(() -> ledger.expire(
                    ledger.lock(accountId), cutoff));
            if (!expired.isEmpty()) {
                accounts++;
                lots += expired.size();
                principal -= expired.stream().mapToLong(Share::principal).sum();
                bonus -= expired.stream().mapToLong(Share::bonus).sum();
            }
        }
        String currency = QuarkusTransaction.requiringNew().call(rules::currency);
        ExpiryRunResult result = new ExpiryRunResult(cutoff, accounts, lots, new Money(principal, currency),
                new Money(bonus, currency));
        if (accounts > 0) {
            QuarkusTransaction.requiringNew().run(() -> audit.record("stored-value.expired", "settings",
                    Ids.newId(), Map.of("asOf", cutoff, "accounts", result.accounts(), "lots", result.lots(),
                            "principal", result.principal().amount(), "bonus", result.bonus().amount())));
        }
        return result;
    }

    /**
     * A customer merged into another keeps no stored value of her own: the merge is refused until her value is
     * transferred (a person decides where a prepaid balance goes, and expired value must be reactivated first).
     */
    void refuseMergeWithValue(@Observes CustomerMerged merged) {
        StoredValueAccount.<StoredValueAccount>find("customerId", merged.duplicateId()).firstResultOptional()
                .filter(a -> a.principal + a.bonus + a.expiredPrincipal + a.expiredBonus > 0)
                .ifPresent(a -> {
                    throw ProblemException.conflict("The duplicate holds stored value (account " + a.id
                            + "); transfer it to the customer she is merged into first");
                });
    }

    private void moveLots(StoredValueAccount source, StoredValueAccount target, OffsetDateTime now, String reason) {
        List<StoredValueLot> lots = openLots(source);
        List<Share> out = StoredValueLots.payOut(asLots(lots), now);
        if (out.isEmpty()) {
            throw ProblemException.unprocessable("The account has no spendable value to transfer");
        }
        Map<UUID, StoredValueLot> sourceLots = byId(lots);
        List<StoredValueLot> copies = new ArrayList<>();
        List<Share> in = new ArrayList<>();
        for (Share share : out) {
            StoredValueLot from = sourceLots.get(share.lotId());
            StoredValueLot copy = StoredValueLot.of(target.id, from.asLot().transferredAs(Ids.newId()));
            copy.source = StoredValueLot.Source.TRANSFER_IN;
            copy.originLotId = from.id;
            copy.planId = from.planId;
            copy.soldAtClinicId = from.soldAtClinicId;
            copy.validityDays = from.validityDays;
            copies.add(copy);
            in.add(new Share(copy.id, -share.principal(), -share.bonus()));
        }
        ledger.record(source, StoredValueEntryKind.TRANSFER_OUT, out, sourceLots, List.of(), now, e -> {
            e.counterpartyAccountId = target.id;
            e.reason = reason;
        });
        ledger.record(target, StoredValueEntryKind.TRANSFER_IN, in, byId(copies), copies, now, e -> {
            e.counterpartyAccountId = source.id;
            e.reason = reason;
        });
    }

    /** A correction's own lot: spendable at every clinic, never expiring, counted as sold at `clinicId`. */
    private StoredValueLot adjustmentLot(StoredValueAccount account, long principal, long bonus, UUID clinicId,
                                         OffsetDateTime now) {
        StoredValueLot lot = StoredValueLot.of(account.id, Lot.incoming(Ids.newId(), principal, bonus,
                rules.rules().debitOrder, true, Set.of(), now, null));
        lot.source = StoredValueLot.Source.ADJUSTMENT;
        lot.soldAtClinicId = clinicId;
        return lot;
    }

    private StoredValueEntry take(StoredValueAccount account, long principal, long bonus, OffsetDateTime now,
                                  String reason) {
        List<StoredValueLot> lots = openLots(account);
        List<Lot> held = asLots(lots);
        long principalThere = held.stream().filter(l -> l.spendable(null, now))
                .mapToLong(Lot::principalRemaining).sum();
        long bonusThere = held.stream().filter(l -> l.spendable(null, now)).mapToLong(Lot::bonusRemaining).sum();
        if (principal > principalThere || bonus > bonusThere) {
            throw ProblemException.unprocessable("The account holds " + principalThere + " principal and "
                    + bonusThere + " bonus, less than the " + principal + " and " + bonus + " to take");
        }
        return ledger.record(account, StoredValueEntryKind.ADJUST,
                StoredValueLots.takeExactly(held, principal, bonus, now), byId(lots), List.of(), now,
                e -> e.reason = reason);
    }

    private void audited(String action, StoredValueAccount account, StoredValueEntry entry, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entryId", entry.id);
        details.put("principal", entry.principal);
        details.put("bonus", entry.bonus);
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(action, "stored-value-account", account.id, details);
    }

    private void requireAmount(String field, Money amount) {
        List<FieldError> errors = new ArrayList<>();
        requireCurrency(errors, field + ".currency", amount.currency(), rules.currency());
        if (amount.amount() == 0) {
            errors.add(new FieldError(field + ".amount", "must be more than zero"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void requireCurrency(List<FieldError> errors, String field, String given, String currency) {
        if (!given.equals(currency)) {
            errors.add(new FieldError(field, "must be the chain's currency " + currency));
        }
    }
}
