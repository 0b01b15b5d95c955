package app.meike.wallet;

import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.SignedMoney;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.RequestIds;
import app.meike.customer.CustomerService;
import app.meike.identity.Caller;
import app.meike.tenancy.TenantContext;
import app.meike.wallet.StoredValueAccount.Status;
import app.meike.wallet.StoredValueDtos.AccountView;
import app.meike.wallet.StoredValueDtos.AllocationView;
import app.meike.wallet.StoredValueDtos.EntryView;
import app.meike.wallet.StoredValueDtos.ExpiringSoon;
import app.meike.wallet.StoredValueDtos.LotView;
import app.meike.wallet.StoredValueDtos.TenderInput;
import app.meike.wallet.StoredValueDtos.TenderView;
import app.meike.wallet.StoredValueLots.Share;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static app.meike.common.Strings.blankToNull;

/**
 * The stored-value ledger. Every movement locks the account row first (so parallel movements queue and never
 * overdraw), expires its lots that are due, then writes one append-only entry with its per-lot allocations and moves
 * the lots' buckets and the account's cached balances by exactly those allocations, all in one transaction:
 * balance = sum of entries = sum of the live lots, always.
 */
@ApplicationScoped
public class StoredValueLedger {
    static final String SYSTEM = "system";

    @Inject
    StoredValueRulesService rules;
    @Inject
    TenantContext tenantContext;
    @Inject
    CustomerService customers;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * Locks the customer's account, opening it on her first value, and expires her lots due by `at`. The first thing a
     * movement does with the account: a row read earlier in the transaction would not be refreshed by the lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredValueAccount openFor(UUID customerId, OffsetDateTime at) {
        return open(ensureAccount(customerId), at);
    }

    /** The id of the customer's account, opening it (unlocked) when she has none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID ensureAccount(UUID customerId) {
        OffsetDateTime now = Clocks.now(clock);
        Panache.getEntityManager().createNativeQuery("INSERT INTO stored_value_account (tenant_id, id, customer_id,"
                        + " status, principal, bonus, expired_principal, expired_bonus, opened_at, updated_at)"
                        + " VALUES (:tenant, :id, :customer, 'ACTIVE', 0, 0, 0, 0, :now, :now)"
                        + " ON CONFLICT (tenant_id, customer_id) DO NOTHING")
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("id", Ids.newId())
                .setParameter("customer", customerId)
                .setParameter("now", now)
                .executeUpdate();
        return accountIdOf(customerId);
    }

    /** The id of the customer's account, or null; reads no account row into the transaction. */
    static UUID accountIdOf(UUID customerId) {
        return StoredValueAccount.getEntityManager().createQuery("select a.id from StoredValueAccount a"
                        + " where a.customerId = :customer", UUID.class)
                .setParameter("customer", customerId).getResultStream().findFirst().orElse(null);
    }

    /** Locks an account of the chain (404 otherwise) and expires its lots due by `at`. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredValueAccount open(UUID accountId, OffsetDateTime at) {
        StoredValueAccount account = lock(accountId);
        expire(account, at);
        return account;
    }

    /** Locks the customer's account, found by her id in the same read, and expires its lots due by `at`. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredValueAccount> openOf(UUID customerId, OffsetDateTime at) {
        Optional<StoredValueAccount> account = StoredValueAccount.<StoredValueAccount>find("customerId", customerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        account.ifPresent(a -> expire(a, at));
        return account;
    }

    /** Locks an account of the chain, as it was committed; 404 when there is none. */
    StoredValueAccount lock(UUID accountId) {
        return StoredValueAccount.<StoredValueAccount>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Stored-value account"));
    }

    /** One EXPIRE entry (by the system) for all of the account's lots due by `asOf`; answers what it moved. */
    List<Share> expire(StoredValueAccount account, OffsetDateTime asOf) {
        List<StoredValueLot> lots = openLots(account);
        List<Share> shares = StoredValueLots.expire(asLots(lots), asOf);
        if (!shares.isEmpty()) {
            record(account, StoredValueEntryKind.EXPIRE, shares, byId(lots), List.of(), Clocks.now(clock), e -> {
                e.actorId = SYSTEM;
                e.actorName = null;
            });
        }
        return shares;
    }

    /**
     * Gives `amount` more of a debit back into the lots it took from, principal and bonus as they were taken (a
     * REVERSAL). A lot refunded or transferred meanwhile gets it as a new lot with its terms; value back in a lot
     * that has expired meanwhile expires again at once (an EXPIRE entry follows), so it waits for a reactivation.
     */
    StoredValueEntry giveBack(StoredValueAccount account, StoredValueEntry debit, long amount, OffsetDateTime at,
                              Consumer<StoredValueEntry> details) {
        List<Share> taken = StoredValueAllocation.<StoredValueAllocation>list("key.entryId = ?1 order by key.seq",
                debit.id).stream().map(a -> new Share(a.lotId, a.principal, a.bonus)).toList();
        long given = StoredValueEntry.<StoredValueEntry>list("reversesEntryId = ?1 and kind = ?2", debit.id,
                StoredValueEntryKind.REVERSAL).stream().mapToLong(e -> e.principal + e.bonus).sum();
        Map<UUID, StoredValueLot> lots = byId(StoredValueLot.list("id in ?1",
                taken.stream().map(Share::lotId).collect(Collectors.toSet())));
        List<StoredValueLot> reborn = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        for (Share share : StoredValueLots.giveBack(taken, given, amount)) {
            StoredValueLot lot = lots.get(share.lotId());
            if (lot.status == StoredValueLots.Status.CLOSED) {
                lot = rebirth(lot, share, at);
                reborn.add(lot);
                lots.put(lot.id, lot);
            }
            shares.add(new Share(lot.id, share.principal(), share.bonus()));
        }
        StoredValueEntry entry = record(account, StoredValueEntryKind.REVERSAL, shares, lots, reborn, at, e -> {
            e.reversesEntryId = debit.id;
            details.accept(e);
        });
        expire(account, Clocks.now(clock));
        return entry;
    }

    /**
     * Expires the due lots of these accounts, each in a transaction of its own, before a read loads them (so the read
     * shows what the expiry left, and never holds an account's lock).
     */
    void expireDueNow(List<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = Clocks.now(clock);
        StoredValueLot.getEntityManager().createQuery("select distinct l.accountId from StoredValueLot l"
                        + " where l.accountId in :ids and l.status <> :closed"
                        + " and l.principalRemaining + l.bonusRemaining > 0 and l.expiresAt <= :now", UUID.class)
                .setParameter("ids", accountIds)
                .setParameter("closed", StoredValueLots.Status.CLOSED)
                .setParameter("now", now)
                .getResultList()
                .forEach(id -> QuarkusTransaction.requiringNew().run(() -> open(id, now)));
    }

    /** Clinic-limited staff act on an account only when some of its value was sold at one of their clinics. */
    void requireActsFor(StoredValueAccount account) {
        if (caller.allClinics()) {
            return;
        }
        if (caller.clinicIds().isEmpty() || StoredValueLot.count("accountId = ?1 and soldAtClinicId in ?2",
                account.id, caller.clinicIds()) == 0) {
            throw ProblemException.forbidden("You do not work at a clinic where this account's value was sold");
        }
    }

    /** A frozen account is a 409 for anything that would take from or add to it. */
    static void requireNotFrozen(StoredValueAccount account, String doing) {
        if (account.status == Status.FROZEN) {
            throw ProblemException.conflict("The account is frozen (" + account.frozenReason + "); unfreeze it to "
                    + doing);
        }
    }

    private static StoredValueLot rebirth(StoredValueLot closed, Share share, OffsetDateTime at) {
        StoredValueLot lot = StoredValueLot.of(closed.accountId, closed.asLot().reborn(Ids.newId(), share.principal(),
                share.bonus(), at));
        lot.source = StoredValueLot.Source.REVERSAL;
        lot.originLotId = closed.id;
        lot.planId = closed.planId;
        lot.soldAtClinicId = closed.soldAtClinicId;
        lot.validityDays = closed.validityDays;
        return lot;
    }

    /**
     * Writes the entry and its allocations, and moves the lots (by the entry kind's move) and the account's cached
     * buckets by them. `newLots` are lots the entry brings in: persisted once the allocations gave them their
     * value, and before the allocations that name them. Value arriving opens a closed account again.
     */
    StoredValueEntry record(StoredValueAccount account, StoredValueEntryKind kind, List<Share> shares,
                            Map<UUID, StoredValueLot> lots, List<StoredValueLot> newLots, OffsetDateTime at,
                            Consumer<StoredValueEntry> details) {
        long principal = 0;
        long bonus = 0;
        // A refund pays each lot back by the formula; paying out leaves a lot's principal and consumption as they were.
        Map<UUID, Long> refunds = new HashMap<>();
        for (Share share : shares) {
            StoredValueLot lot = lots.get(share.lotId());
            if (kind == StoredValueEntryKind.REFUND) {
                refunds.put(lot.id, lot.asLot().refund());
            }
            lot.take(lot.asLot().moved(kind.move(share.amount() > 0), share));
            principal += share.principal();
            bonus += share.bonus();
        }
        account.principal += principal;
        account.bonus += bonus;
        if (kind == StoredValueEntryKind.EXPIRE || kind == StoredValueEntryKind.REACTIVATE) {
            account.expiredPrincipal -= principal;
            account.expiredBonus -= bonus;
        }
        if (account.status == Status.CLOSED && principal + bonus > 0) {
            account.status = Status.ACTIVE;
            account.closedAt = null;
        }
        account.updatedAt = Clocks.now(clock);
        newLots.forEach(l -> l.persist());
        if (account.heldLots != null) {
            account.heldLots.addAll(newLots);
        }
        StoredValueEntry entry = new StoredValueEntry();
        // After the account's newest entry, which the database may have made (stored_value_debit) this millisecond.
        entry.id = Ids.after(StoredValueEntry.getEntityManager().createQuery("select e.id from StoredValueEntry e"
                        + " where e.accountId = :account order by e.id desc", UUID.class)
                .setParameter("account", account.id).setMaxResults(1).getResultStream().findFirst().orElse(null));
        entry.accountId = account.id;
        entry.kind = kind;
        entry.principal = principal;
        entry.bonus = bonus;
        entry.principalAfter = account.principal;
        entry.bonusAfter = account.bonus;
        entry.actorId = caller.userId();
        entry.actorName = caller.displayName() != null ? caller.displayName() : caller.username();
        entry.requestId = RequestIds.current();
        entry.occurredAt = at;
        if (kind == StoredValueEntryKind.REFUND) {
            entry.refundAmount = refunds.values().stream().mapToLong(Long::longValue).sum();
            entry.forfeitedBonus = -(principal + bonus) - entry.refundAmount;
        }
        details.accept(entry);
        entry.persist();
        entry.writtenAllocations = new ArrayList<>();
        entry.writtenTenders = new ArrayList<>();
        for (int seq = 0; seq < shares.size(); seq++) {
            StoredValueAllocation allocation = new StoredValueAllocation();
            allocation.key = new StoredValueAllocation.Key(entry.id, seq);
            allocation.lotId = shares.get(seq).lotId();
            allocation.principal = shares.get(seq).principal();
            allocation.bonus = shares.get(seq).bonus();
            allocation.refundAmount = refunds.get(allocation.lotId);
            allocation.persist();
            entry.writtenAllocations.add(allocation);
        }
        return entry;
    }

    /** Brings a new lot's value in (a top-up, an opening balance, a positive adjustment) with one entry. */
    StoredValueEntry arrive(StoredValueAccount account, StoredValueEntryKind kind, StoredValueLot lot,
                            OffsetDateTime at, Consumer<StoredValueEntry> details) {
        return record(account, kind, List.of(new Share(lot.id, lot.principal, lot.bonus)), Map.of(lot.id, lot),
                List.of(lot), at, details);
    }

    /**
     * External tenders as given: each in the chain's currency and more than zero (400 naming the field), adding up
     * to `total` exactly (422 naming `what` it must cover).
     */
    List<TenderView> payments(List<TenderInput> inputs, long total, String what) {
        String currency = rules.currency();
        List<FieldError> errors = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Money amount = inputs.get(i).amount();
            if (!amount.currency().equals(currency)) {
                errors.add(new FieldError("tenders[" + i + "].amount.currency", "must be the chain's currency "
                        + currency));
            }
            if (amount.amount() == 0) {
                errors.add(new FieldError("tenders[" + i + "].amount.amount", "must be more than zero"));
            }
            sum += amount.amount();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (sum != total) {
            throw ProblemException.unprocessable("The tenders add up to " + sum + " but " + what + " is " + total
                    + " (minor units of " + currency + "); they must cover it exactly");
        }
        return inputs.stream().map(t -> new TenderView(t.method(), t.amount(), blankToNull(t.reference()))).toList();
    }

    /** The tenders of an entry (a top-up's payment, a refund's pay-back), numbered from 1. */
    void tenders(StoredValueEntry entry, List<TenderView> tenders) {
        for (int i = 0; i < tenders.size(); i++) {
            StoredValueTender tender = new StoredValueTender();
            tender.key = new StoredValueTender.Key(entry.id, (short) (i + 1));
            tender.method = tenders.get(i).method();
            tender.amount = tenders.get(i).amount().amount();
            tender.reference = tenders.get(i).reference();
            tender.persist();
            entry.writtenTenders.add(tender);
        }
    }

    /** The first instant a lot bought on `day`'s date is no longer usable: midnight after its last day. */
    OffsetDateTime expiryAfter(OffsetDateTime day, Integer validityDays) {
        if (validityDays == null) {
            return null;
        }
        return endOf(day.atZoneSameInstant(rules.zone()).toLocalDate().plusDays(validityDays));
    }

    /** Midnight after `last` in the chain's zone: when value usable through that day stops being usable. */
    OffsetDateTime endOf(LocalDate last) {
        return last.plusDays(1).atStartOfDay(rules.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The account's lots that are not closed, oldest first. */
    static List<StoredValueLot> openLots(UUID accountId) {
        return StoredValueLot.list("accountId = ?1 and status <> ?2 order by toppedUpAt, id", accountId,
                StoredValueLots.Status.CLOSED);
    }

    /** The locked account's lots that are not closed, oldest first: read from the database once per transaction. */
    static List<StoredValueLot> openLots(StoredValueAccount account) {
        if (account.heldLots == null) {
            account.heldLots = new ArrayList<>(openLots(account.id));
        }
        return account.heldLots.stream().filter(l -> l.status != StoredValueLots.Status.CLOSED)
                .sorted(Comparator.comparing((StoredValueLot l) -> l.toppedUpAt).thenComparing(l -> l.id)).toList();
    }

    static List<StoredValueLots.Lot> asLots(List<StoredValueLot> lots) {
        return lots.stream().map(StoredValueLot::asLot).toList();
    }

    static Map<UUID, StoredValueLot> byId(Collection<StoredValueLot> lots) {
        Map<UUID, StoredValueLot> byId = new HashMap<>();
        lots.forEach(l -> byId.put(l.id, l));
        return byId;
    }

    AccountView view(StoredValueAccount account) {
        return views(List.of(account)).get(account.id);
    }

    /** Accounts as the API shows them: balances, live lots with value and expired lots, what expires soon. */
    Map<UUID, AccountView> views(List<StoredValueAccount> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        String currency = rules.currency();
        int reminderDays = rules.rules().reminderDays;
        OffsetDateTime soon = Clocks.now(clock).plusDays(reminderDays);
        Map<UUID, List<StoredValueLot>> lots = StoredValueLot.<StoredValueLot>list(
                        "accountId in ?1 and status <> ?2 order by toppedUpAt, id",
                        accounts.stream().map(a -> a.id).collect(Collectors.toSet()), StoredValueLots.Status.CLOSED)
                .stream().filter(l -> l.principalRemaining + l.bonusRemaining + l.expiredPrincipal + l.expiredBonus > 0)
                .collect(Collectors.groupingBy(l -> l.accountId));
        Map<UUID, String> names = customers.namesOf(accounts.stream().map(a -> a.customerId).toList());
        Map<UUID, AccountView> views = new LinkedHashMap<>();
        for (StoredValueAccount a : accounts) {
            List<StoredValueLot> held = lots.getOrDefault(a.id, List.of());
            List<StoredValueLot> expiring = held.stream().filter(l -> l.status == StoredValueLots.Status.LIVE
                    && l.expiresAt != null && !l.expiresAt.isAfter(soon)).toList();
            views.put(a.id, new AccountView(a.id, a.customerId, names.get(a.customerId), a.status,
                    new Money(a.principal, currency), new Money(a.bonus, currency),
                    new Money(a.principal + a.bonus, currency), new Money(a.expiredPrincipal, currency),
                    new Money(a.expiredBonus, currency), a.frozenReason, a.frozenAt, a.openedAt, a.closedAt,
                    a.updatedAt, held.stream().map(l -> view(l, currency)).toList(),
                    new ExpiringSoon(reminderDays, new Money(expiring.stream()
                            .mapToLong(l -> l.principalRemaining + l.bonusRemaining).sum(), currency),
                            expiring.stream().map(l -> l.expiresAt).min(OffsetDateTime::compareTo).orElse(null))));
        }
        return views;
    }

    EntryView view(StoredValueEntry entry) {
        return entryViews(List.of(entry)).get(0);
    }

    /** Entries as the API shows them, in the order given, with their allocations, tenders and reversals. */
    List<EntryView> entryViews(List<StoredValueEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        String currency = rules.currency();
        // Entries this transaction wrote carry their allocations and tenders, and nothing has reversed them yet.
        List<StoredValueAllocation> allocationRows = new ArrayList<>();
        List<StoredValueTender> tenderRows = new ArrayList<>();
        entries.stream().filter(e -> e.writtenAllocations != null).forEach(e -> {
            allocationRows.addAll(e.writtenAllocations);
            tenderRows.addAll(e.writtenTenders);
        });
        Set<UUID> ids = entries.stream().filter(e -> e.writtenAllocations == null).map(e -> e.id)
                .collect(Collectors.toSet());
        Map<UUID, UUID> reversedBy = new HashMap<>();
        if (!ids.isEmpty()) {
            allocationRows.addAll(StoredValueAllocation.list("key.entryId in ?1 order by key.entryId, key.seq", ids));
            tenderRows.addAll(StoredValueTender.list("key.entryId in ?1 order by key.entryId, key.tenderNo", ids));
            StoredValueEntry.<StoredValueEntry>list("reversesEntryId in ?1 and kind = ?2 and refundId is null", ids,
                    StoredValueEntryKind.REVERSAL).forEach(r -> reversedBy.put(r.reversesEntryId, r.id));
        }
        Map<UUID, List<AllocationView>> allocations = allocationRows.stream()
                .collect(Collectors.groupingBy(a -> a.key.entryId(), LinkedHashMap::new, Collectors.mapping(
                        a -> new AllocationView(a.lotId, new SignedMoney(a.principal, currency),
                                new SignedMoney(a.bonus, currency), money(a.refundAmount, currency)),
                        Collectors.toList())));
        Map<UUID, List<TenderView>> tenders = tenderRows.stream()
                .collect(Collectors.groupingBy(t -> t.key.entryId(), LinkedHashMap::new, Collectors.mapping(
                        t -> new TenderView(t.method, new Money(t.amount, currency), t.reference),
                        Collectors.toList())));
        List<EntryView> views = new ArrayList<>();
        for (StoredValueEntry e : entries) {
            views.add(new EntryView(e.id, e.accountId, e.kind, new SignedMoney(e.principal, currency),
                    new SignedMoney(e.bonus, currency), new SignedMoney(e.principal + e.bonus, currency),
                    new Money(e.principalAfter, currency), new Money(e.bonusAfter, currency),
                    new Money(e.principalAfter + e.bonusAfter, currency), money(e.refundAmount, currency),
                    money(e.forfeitedBonus, currency), e.clinicId, e.orderId, e.refundId, e.topUpId, e.visitId,
                    e.reference, e.note, e.reversesEntryId, reversedBy.get(e.id), e.counterpartyAccountId, e.reason,
                    e.actorId, e.actorName, e.requestId, e.occurredAt, allocations.getOrDefault(e.id, List.of()),
                    tenders.getOrDefault(e.id, List.of())));
        }
        return views;
    }

    private static LotView view(StoredValueLot l, String currency) {
        return new LotView(l.id, l.source, l.status, l.planId, l.topUpId, new Money(l.principal, currency),
                new Money(l.bonus, currency), new Money(l.principal + l.bonus, currency),
                new Money(l.principalConsumed + l.bonusConsumed, currency), new Money(l.principalRemaining, currency),
                new Money(l.bonusRemaining, currency), new Money(l.expiredPrincipal, currency),
                new Money(l.expiredBonus, currency), l.debitOrder, l.allClinics, List.copyOf(l.clinicIds),
                l.soldAtClinicId, l.toppedUpAt, l.expiresAt);
    }

    private static Money money(Long amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
