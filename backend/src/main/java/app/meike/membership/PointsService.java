package app.meike.membership;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.RequestIds;
import app.meike.customer.CustomerMerged;
import app.meike.customer.CustomerService;
import app.meike.identity.Caller;
import app.meike.integration.IdempotencyKeys;
import app.meike.membership.PointsDtos.PointsAccountView;
import app.meike.membership.PointsDtos.PointsAdjustment;
import app.meike.membership.PointsDtos.PointsAllocationView;
import app.meike.membership.PointsDtos.PointsEntryView;
import app.meike.membership.PointsDtos.PointsExpiringCustomer;
import app.meike.membership.PointsDtos.PointsExpiringSoon;
import app.meike.membership.PointsDtos.PointsExpiryRunResult;
import app.meike.membership.PointsDtos.PointsLotView;
import app.meike.membership.PointsDtos.PointsRedemption;
import app.meike.membership.PointsLots.Share;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.meike.common.Strings.blankToNull;

/**
 * The points ledger. Every movement locks the customer's account row first (so parallel movements queue and never
 * overspend), expires her lots that are due, then writes one append-only entry with its per-lot allocations and
 * moves the cached balance by the entry's points, all in one transaction: balance = sum of entries, always.
 */
@ApplicationScoped
public class PointsService implements PointsForOrders {
    static final String SYSTEM = "system";

    @Inject
    PointsRulesService rulesService;
    @Inject
    TenantContext tenantContext;
    @Inject
    CustomerService customers;
    @Inject
    CatalogService catalog;
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

    /** The balance, its money value and the live lots; lots already due are expired first. */
    @Transactional
    public PointsAccountView account(UUID customerId) {
        customers.requireKnown(customerId);
        OffsetDateTime now = Clocks.now(clock);
        if (PointsLot.count("customerId = ?1 and remaining > 0 and expiresAt <= ?2", customerId, now) > 0) {
            open(customerId, now);
        }
        PointsRules rules = rulesService.rules();
        long balance = PointsAccount.<PointsAccount>findByIdOptional(customerId).map(a -> a.balance).orElse(0L);
        List<PointsLot> lots = liveLots(customerId);
        OffsetDateTime soon = now.plusDays(rules.reminderDays);
        List<PointsLot> expiring = lots.stream().filter(l -> !l.expiresAt.isAfter(soon)).toList();
        return new PointsAccountView(customerId, balance, rulesService.money(rules.valueOf(balance)),
                lots.stream().map(PointsService::view).toList(),
                new PointsExpiringSoon(rules.reminderDays, expiring.stream().mapToLong(l -> l.remaining).sum(),
                        expiring.stream().map(l -> l.expiresAt).min(OffsetDateTime::compareTo).orElse(null)));
    }

    /** The ledger, newest first (the order entries were written in, which is the order of balanceAfter). */
    public Page<PointsEntryView> entries(UUID customerId, PageRequest page) {
        customers.requireKnown(customerId);
        List<PointsEntry> rows = page.after() == null
                ? PointsEntry.<PointsEntry>find("customerId = ?1 order by id desc", customerId)
                .page(0, page.fetchSize()).list()
                : PointsEntry.<PointsEntry>find("customerId = ?1 and id < ?2 order by id desc", customerId,
                page.after()).page(0, page.fetchSize()).list();
        Map<UUID, List<PointsAllocationView>> allocations = allocationsOf(rows.stream().map(e -> e.id).toList());
        return page.page(rows, e -> e.id, e -> view(e, allocations.getOrDefault(e.id, List.of())));
    }

    /** Adds a lot, or takes points oldest lot first (never below zero), by hand with a reason. */
    @Transactional
    public PointsEntryView adjust(UUID customerId, String idempotencyKey, PointsAdjustment adjustment) {
        requireLive(customerId);
        if (adjustment.points() == 0) {
            throw ProblemException.invalidField("points", "must not be zero");
        }
        String reason = adjustment.reason().trim();
        return idempotency.once(idempotencyKey, "points.adjust:" + customerId, adjustment, PointsEntryView.class,
                () -> {
                    OffsetDateTime now = Clocks.now(clock);
                    PointsAccount account = open(customerId, now);
                    Consumer<PointsEntry> details = e -> e.reason = reason;
                    PointsEntry entry = adjustment.points() > 0
                            ? credit(account, PointsEntryKind.ADJUST, PointsLotSource.ADJUSTMENT, null,
                            adjustment.points(), now, details)
                            : debit(account, PointsEntryKind.ADJUST, -adjustment.points(), now, details);
                    audit.record("points.adjusted", "customer", customerId,
                            Map.of("entryId", entry.id, "points", entry.points, "reason", reason));
                    return view(entry);
                }).result();
    }

    /** Redeems points for a gift, oldest lots first; a short balance is a 422 and changes nothing. */
    @Transactional
    public PointsEntryView redeemForGift(UUID customerId, String idempotencyKey, PointsRedemption redemption) {
        requireLive(customerId);
        String description = blankToNull(redemption.giftDescription());
        if (redemption.giftItemId() == null && description == null) {
            throw ProblemException.invalidField("giftDescription", "name the gift: a giftItemId or a description");
        }
        if (redemption.giftItemId() != null && catalog.items(Set.of(redemption.giftItemId())).isEmpty()) {
            throw ProblemException.invalidField("giftItemId", "is not an item of this chain's catalog");
        }
        return idempotency.once(idempotencyKey, "points.redeem:" + customerId, redemption, PointsEntryView.class,
                () -> {
                    OffsetDateTime now = Clocks.now(clock);
                    PointsEntry entry = debit(open(customerId, now), PointsEntryKind.REDEEM, redemption.points(), now,
                            e -> {
                                e.giftItemId = redemption.giftItemId();
                                e.giftDescription = description;
                                e.reason = blankToNull(redemption.note());
                            });
                    Map<String, Object> audited = new LinkedHashMap<>();
                    audited.put("entryId", entry.id);
                    audited.put("points", entry.points);
                    audited.put("giftItemId", redemption.giftItemId());
                    audited.put("giftDescription", description);
                    audit.record("points.redeemed", "customer", customerId, audited);
                    return view(entry);
                }).result();
    }

    /**
     * Customers whose points expire within the window (the rules' reminder days by default), soonest first:
     * customers of the chain who are neither merged nor erased, optionally of one home clinic.
     */
    @Transactional
    public Page<PointsExpiringCustomer> expiring(Integer withinDays, UUID clinicId, PageRequest page) {
        clinics.requireClinic("clinicId", clinicId);
        OffsetDateTime now = Clocks.now(clock);
        int days = withinDays != null ? withinDays : rulesService.rules().reminderDays;
        String sql = "SELECT l.customer_id, c.name, c.home_clinic_id, sum(l.remaining), min(l.expires_at)"
                + " FROM points_lot l JOIN customer c ON c.tenant_id = l.tenant_id AND c.id = l.customer_id"
                + " WHERE l.tenant_id = :tenant AND l.remaining > 0 AND l.expires_at > :now AND l.expires_at <= :until"
                + " AND c.merged_into IS NULL AND c.erased_at IS NULL"
                + (clinicId == null ? "" : " AND c.home_clinic_id = :clinic")
                + " GROUP BY l.customer_id, c.name, c.home_clinic_id"
                + (page.afterTime() == null ? "" : " HAVING (min(l.expires_at), l.customer_id) > (:afterTime, :afterId)")
                + " ORDER BY min(l.expires_at), l.customer_id LIMIT :rows";
        var query = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("now", now)
                .setParameter("until", now.plusDays(days))
                .setParameter("rows", page.fetchSize());
        if (clinicId != null) {
            query.setParameter("clinic", clinicId);
        }
        if (page.afterTime() != null) {
            query.setParameter("afterTime", page.afterTime()).setParameter("afterId", page.after());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<PointsExpiringCustomer> customers = rows.stream().map(r -> new PointsExpiringCustomer((UUID) r[0],
                (String) r[1], (UUID) r[2], ((Number) r[3]).longValue(), time(r[4]))).toList();
        return page.pageByTime(customers, PointsExpiringCustomer::earliestExpiry, PointsExpiringCustomer::customerId,
                Function.identity());
    }

    /**
     * Expires every lot due by `asOf` (now when null; never later than now), one customer per transaction so a
     * large chain never holds many locks; a lot expires once, so running again expires nothing more.
     */
    public PointsExpiryRunResult expireDue(OffsetDateTime asOf) {
        OffsetDateTime cutoff = Clocks.asOf(asOf, clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> PointsLot.getEntityManager()
                .createQuery("select distinct l.customerId from PointsLot l where l.remaining > 0"
                        + " and l.expiresAt <= :asOf", UUID.class)
                .setParameter("asOf", cutoff).getResultList());
        int customersExpired = 0;
        int lots = 0;
        long points = 0;
        for (UUID customerId : due) {
            List<Share> expired = QuarkusTransaction.requiringNew().call(() -> expire(lock(customerId), cutoff));
            if (!expired.isEmpty()) {
                customersExpired++;
                lots += expired.size();
                points -= expired.stream().mapToLong(Share::points).sum();
            }
        }
        PointsExpiryRunResult result = new PointsExpiryRunResult(cutoff, customersExpired, lots, points);
        if (customersExpired > 0) {
            QuarkusTransaction.requiringNew().run(() -> audit.record("points.expired", "settings", Ids.newId(), Map.of("asOf", cutoff, "customers", result.customers(), "lots", result.lots(),
                            "points", result.points())));
        }
        return result;
    }

    @Override
    public long pointsToPay(long amount) {
        PointsRules rules = rulesService.rules();
        if (!rules.allowTender) {
            throw ProblemException.unprocessable("This chain does not take points as a tender");
        }
        return rules.pointsFor(requireNotNegative(amount));
    }

    /** Answers even when points are no tender: refunds value the points they could not take back this way. */
    @Override
    public long valueOf(long points) {
        return rulesService.rules().valueOf(requireNotNegative(points));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeemForOrder(UUID customerId, UUID orderId, long points, OffsetDateTime at) {
        if (!rulesService.rules().allowTender) {
            throw ProblemException.unprocessable("This chain does not take points as a tender");
        }
        debit(open(customerId, at), PointsEntryKind.REDEEM, requirePositive(points), at, e -> e.orderId = orderId);
    }

    /** One lot per order: earning again for the same order answers the points it earned the first time. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long earnForOrder(UUID customerId, UUID orderId, long qualifyingAmount, BigDecimal multiplier,
                             OffsetDateTime at) {
        if (multiplier.signum() < 0) {
            throw new IllegalArgumentException("A points multiplier is never negative: " + multiplier);
        }
        long points = rulesService.rules().earnedOn(requireNotNegative(qualifyingAmount), multiplier,
                rulesService.fractionDigits());
        if (points == 0) {
            return 0;
        }
        PointsAccount account = open(customerId, at);
        return PointsLot.<PointsLot>find("source = ?1 and orderId = ?2", PointsLotSource.ORDER, orderId)
                .firstResultOptional()
                .map(earned -> earned.points)
                .orElseGet(() -> credit(account, PointsEntryKind.EARN, PointsLotSource.ORDER, orderId, points, at,
                        e -> e.orderId = orderId).points);
    }

    /** Credits a reward (e.g. for a referral) as an adjustment lot with its reason; answers the entry's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID creditReward(UUID customerId, long points, String reason, OffsetDateTime at) {
        PointsEntry entry = credit(open(customerId, at), PointsEntryKind.ADJUST, PointsLotSource.ADJUSTMENT, null,
                requirePositive(points), at, e -> e.reason = reason);
        audit.record("points.adjusted", "customer", customerId,
                Map.of("entryId", entry.id, "points", entry.points, "reason", reason));
        return entry.id;
    }

    /** Takes a reward back as far as her balance allows (never below zero); answers the points it took. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long takeBackReward(UUID customerId, long points, String reason, OffsetDateTime at) {
        PointsAccount account = open(customerId, at);
        long taken = Math.min(requirePositive(points), PointsLots.available(asLots(liveLots(customerId)), at));
        if (taken > 0) {
            PointsEntry entry = debit(account, PointsEntryKind.ADJUST, taken, at, e -> e.reason = reason);
            audit.record("points.adjusted", "customer", customerId,
                    Map.of("entryId", entry.id, "points", entry.points, "reason", reason));
        }
        return taken;
    }

    /** Once per refund: reversing again answers the first shortfall. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long reverseEarned(UUID customerId, UUID orderId, UUID refundId, long points, OffsetDateTime at) {
        if (requireNotNegative(points) == 0) {
            return 0;
        }
        PointsAccount account = open(customerId, at);
        var done = entryOfRefund(refundId, PointsEntryKind.REVERSE);
        if (done != null) {
            return done.shortfall;
        }
        List<PointsLot> lots = liveLots(customerId);
        List<Share> shares = PointsLots.reverse(asLots(lots), orderId, points, at);
        long shortfall = points + shares.stream().mapToLong(Share::points).sum();
        record(account, PointsEntryKind.REVERSE, shares, byId(lots), at, e -> {
            e.orderId = orderId;
            e.refundId = refundId;
            e.shortfall = shortfall;
            e.reason = shortfall == 0 ? null
                    : shortfall + " of the " + points + " points were already spent; the refund nets their value";
        });
        return shortfall;
    }

    /**
     * Gives the points back into the lots the order's redemptions took them from (last taken first). Where such a
     * lot has expired meanwhile, its points come back in a new lot that expires under the current rule from the
     * refund: she paid with them and gets them back, rather than losing them to a refund she is owed. Once per
     * refund.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void restoreRedeemed(UUID customerId, UUID orderId, UUID refundId, long points, OffsetDateTime at) {
        if (requireNotNegative(points) == 0) {
            return;
        }
        PointsAccount account = open(customerId, at);
        if (entryOfRefund(refundId, PointsEntryKind.RESTORE) != null) {
            return;
        }
        List<Share> redeemed = PointsAllocation.getEntityManager().createQuery("select a.lotId, a.points"
                        + " from PointsAllocation a, PointsEntry e where e.id = a.key.entryId and e.kind = :kind"
                        + " and e.orderId = :order and e.customerId = :customer order by e.id, a.key.seq",
                        Object[].class)
                .setParameter("kind", PointsEntryKind.REDEEM)
                .setParameter("order", orderId)
                .setParameter("customer", customerId)
                .getResultStream().map(r -> new Share((UUID) r[0], (Long) r[1])).toList();
        long alreadyRestored = PointsEntry.<PointsEntry>list("kind = ?1 and orderId = ?2 and customerId = ?3",
                PointsEntryKind.RESTORE, orderId, customerId).stream().mapToLong(e -> e.points).sum();
        long outstanding = -redeemed.stream().mapToLong(Share::points).sum() - alreadyRestored;
        if (points > outstanding) {
            throw ProblemException.unprocessable("Only " + outstanding + " points paid for this order are left to"
                    + " give back, not " + points);
        }
        Map<UUID, PointsLot> lots = byId(PointsLot.list("id in ?1",
                redeemed.stream().map(Share::lotId).collect(Collectors.toSet())));
        PointsLots.Restore restore = PointsLots.restore(asLots(List.copyOf(lots.values())), redeemed,
                alreadyRestored, points, at);
        List<Share> shares = new ArrayList<>(restore.intoLots());
        if (restore.intoNewLot() > 0) {
            PointsLot lot = newLot(customerId, PointsLotSource.RESTORE, null, restore.intoNewLot(), at, expiryOf(at));
            lots.put(lot.id, lot);
            shares.add(new Share(lot.id, restore.intoNewLot()));
        }
        record(account, PointsEntryKind.RESTORE, shares, lots, at, e -> {
            e.orderId = orderId;
            e.refundId = refundId;
        });
    }

    /**
     * A merged duplicate's points move to the survivor, in the merge's transaction: her live lots are emptied by an
     * ADJUST entry and come back to the survivor as lots with the same earning and expiry dates in another, so no
     * point gains or loses time. The accounts are locked in id order, as any other pair of movements would be.
     */
    void moveOnMerge(@Observes CustomerMerged merged) {
        if (PointsAccount.count("customerId", merged.duplicateId()) == 0) {
            return;
        }
        OffsetDateTime now = Clocks.now(clock);
        boolean duplicateFirst = merged.duplicateId().compareTo(merged.survivorId()) < 0;
        PointsAccount first = open(duplicateFirst ? merged.duplicateId() : merged.survivorId(), now);
        PointsAccount second = open(duplicateFirst ? merged.survivorId() : merged.duplicateId(), now);
        PointsAccount duplicate = duplicateFirst ? first : second;
        PointsAccount survivor = duplicateFirst ? second : first;
        List<PointsLot> lots = liveLots(duplicate.customerId);
        if (lots.isEmpty()) {
            return;
        }
        Map<UUID, PointsLot> moved = new HashMap<>();
        List<Share> given = new ArrayList<>();
        for (PointsLot lot : lots) {
            PointsLot copy = newLot(survivor.customerId, PointsLotSource.ADJUSTMENT, null, lot.remaining,
                    lot.earnedAt, lot.expiresAt);
            moved.put(copy.id, copy);
            given.add(new Share(copy.id, lot.remaining));
        }
        record(duplicate, PointsEntryKind.ADJUST, lots.stream().map(l -> new Share(l.id, -l.remaining)).toList(),
                byId(lots), now, e -> e.reason = "Merged into customer " + merged.survivorId());
        record(survivor, PointsEntryKind.ADJUST, given, moved, now,
                e -> e.reason = "Merged from customer " + merged.duplicateId());
    }

    /** Every movement starts here: locks the customer's account and expires her lots due by `at`. */
    private PointsAccount open(UUID customerId, OffsetDateTime at) {
        PointsAccount account = lock(customerId);
        expire(account, at);
        return account;
    }

    /** Locks the customer's account row, opening the account on her first points (an existing one in one read). */
    private PointsAccount lock(UUID customerId) {
        PointsAccount account = PointsAccount.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (account != null) {
            return account;
        }
        Panache.getEntityManager().createNativeQuery("INSERT INTO points_account (tenant_id, customer_id, balance,"
                        + " updated_at) VALUES (:tenant, :customer, 0, :now) ON CONFLICT DO NOTHING")
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .setParameter("now", Clocks.now(clock))
                .executeUpdate();
        return PointsAccount.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One EXPIRE entry (by the system) for all of the account's lots due by `asOf`; answers what it took. */
    private List<Share> expire(PointsAccount account, OffsetDateTime asOf) {
        List<PointsLot> lots = liveLots(account.customerId);
        List<Share> shares = PointsLots.expire(asLots(lots), asOf);
        if (!shares.isEmpty()) {
            record(account, PointsEntryKind.EXPIRE, shares, byId(lots), Clocks.now(clock), e -> {
                e.actorId = SYSTEM;
                e.actorName = null;
            });
        }
        return shares;
    }

    private PointsEntry debit(PointsAccount account, PointsEntryKind kind, long points, OffsetDateTime at,
                              Consumer<PointsEntry> details) {
        List<PointsLot> lots = liveLots(account.customerId);
        long available = PointsLots.available(asLots(lots), at);
        if (available < points) {
            throw ProblemException.unprocessable("The customer has " + available + " points, fewer than the "
                    + points + " asked for");
        }
        return record(account, kind, PointsLots.take(asLots(lots), points, at), byId(lots), at, details);
    }

    private PointsEntry credit(PointsAccount account, PointsEntryKind kind, PointsLotSource source, UUID orderId,
                               long points, OffsetDateTime at, Consumer<PointsEntry> details) {
        PointsLot lot = newLot(account.customerId, source, orderId, points, at, expiryOf(at));
        return record(account, kind, List.of(new Share(lot.id, points)), Map.of(lot.id, lot), at, details);
    }

    /** When a lot earned at `at` expires under the current rule. */
    private OffsetDateTime expiryOf(OffsetDateTime at) {
        PointsRules rules = rulesService.rules();
        return rules.expiryPolicy.expiresAt(at, rules.expiryMonths, rulesService.zone());
    }

    private static PointsLot newLot(UUID customerId, PointsLotSource source, UUID orderId, long points,
                                    OffsetDateTime at, OffsetDateTime expiresAt) {
        PointsLot lot = new PointsLot();
        lot.id = Ids.newId();
        lot.customerId = customerId;
        lot.source = source;
        lot.orderId = orderId;
        lot.points = points;
        lot.earnedAt = at;
        lot.expiresAt = expiresAt;
        lot.persist();
        return lot;
    }

    /** Writes the entry and its allocations, and moves the lots and the balance by them, in one go. */
    private PointsEntry record(PointsAccount account, PointsEntryKind kind, List<Share> shares,
                               Map<UUID, PointsLot> lots, OffsetDateTime at, Consumer<PointsEntry> details) {
        long points = 0;
        for (Share share : shares) {
            lots.get(share.lotId()).remaining += share.points();
            points += share.points();
        }
        account.balance += points;
        account.updatedAt = Clocks.now(clock);
        PointsEntry entry = new PointsEntry();
        entry.id = Ids.newId();
        entry.customerId = account.customerId;
        entry.kind = kind;
        entry.points = points;
        entry.balanceAfter = account.balance;
        entry.actorId = caller.userId();
        entry.actorName = caller.displayName() != null ? caller.displayName() : caller.username();
        entry.requestId = RequestIds.current();
        entry.occurredAt = at;
        details.accept(entry);
        entry.persist();
        for (int seq = 0; seq < shares.size(); seq++) {
            PointsAllocation allocation = new PointsAllocation();
            allocation.key = new PointsAllocation.Key(entry.id, seq);
            allocation.lotId = shares.get(seq).lotId();
            allocation.points = shares.get(seq).points();
            allocation.persist();
        }
        return entry;
    }

    private static List<PointsLot> liveLots(UUID customerId) {
        return PointsLot.list("customerId = ?1 and remaining > 0 order by earnedAt, id", customerId);
    }

    private static PointsEntry entryOfRefund(UUID refundId, PointsEntryKind kind) {
        return PointsEntry.<PointsEntry>find("refundId = ?1 and kind = ?2", refundId, kind).firstResult();
    }

    private static List<PointsLots.Lot> asLots(List<PointsLot> lots) {
        return lots.stream().map(PointsLot::asLot).toList();
    }

    private static Map<UUID, PointsLot> byId(List<PointsLot> lots) {
        Map<UUID, PointsLot> byId = new HashMap<>();
        lots.forEach(l -> byId.put(l.id, l));
        return byId;
    }

    /** Points move only for live customers: 404 for unknown ids, 400 for merged or erased ones. */
    private void requireLive(UUID customerId) {
        customers.requireKnown(customerId);
        customers.requireCustomer("customerId", customerId);
    }

    private Map<UUID, List<PointsAllocationView>> allocationsOf(List<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return PointsAllocation.<PointsAllocation>list("key.entryId in ?1 order by key.entryId, key.seq",
                        Set.copyOf(entryIds)).stream()
                .collect(Collectors.groupingBy(a -> a.key.entryId(), LinkedHashMap::new,
                        Collectors.mapping(a -> new PointsAllocationView(a.lotId, a.points), Collectors.toList())));
    }

    private PointsEntryView view(PointsEntry e) {
        return view(e, allocationsOf(List.of(e.id)).getOrDefault(e.id, List.of()));
    }

    private static PointsEntryView view(PointsEntry e, List<PointsAllocationView> allocations) {
        return new PointsEntryView(e.id, e.customerId, e.kind, e.points, e.balanceAfter, e.orderId, e.refundId,
                e.giftItemId, e.giftDescription, e.reason, e.actorId, e.actorName, e.requestId, e.occurredAt,
                allocations);
    }

    private static PointsLotView view(PointsLot l) {
        return new PointsLotView(l.id, l.source, l.orderId, l.points, l.remaining, l.earnedAt, l.expiresAt);
    }

    /** A timestamptz of a native query, whichever Java type the driver chose. */
    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("Points must be positive, not " + points);
        }
        return points;
    }

    private static long requireNotNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Never negative: " + value);
        }
        return value;
    }
}
