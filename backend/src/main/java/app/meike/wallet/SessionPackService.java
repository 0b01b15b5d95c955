package app.meike.wallet;

import app.meike.audit.AuditLog;
import app.meike.catalog.PackTemplateService;
import app.meike.catalog.PackTemplateService.PackItemRef;
import app.meike.catalog.PackTemplateService.PackTemplateRef;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.common.web.RequestIds;
import app.meike.customer.CustomerMerged;
import app.meike.customer.CustomerService;
import app.meike.customer.TimelineSource;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.integration.IdempotencyKeys;
import app.meike.order.OrderRefunds;
import app.meike.tenancy.TenantService;
import app.meike.visit.VisitService;
import app.meike.visit.VisitService.VisitRef;
import app.meike.wallet.SessionPackEvents.RedemptionReversed;
import app.meike.wallet.SessionPackEvents.SessionRedeemed;
import app.meike.wallet.SessionPackDtos.SessionPackEntryItemView;
import app.meike.wallet.SessionPackDtos.SessionPackEntryView;
import app.meike.wallet.SessionPackDtos.SessionPackExtension;
import app.meike.wallet.SessionPackDtos.SessionPackItemView;
import app.meike.wallet.SessionPackDtos.SessionPackMovement;
import app.meike.wallet.SessionPackDtos.SessionPackReason;
import app.meike.wallet.SessionPackDtos.SessionPackRedemptionInput;
import app.meike.wallet.SessionPackDtos.SessionPackView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Customers' session packs and their ledger. Every movement locks the pack row first (so parallel redemptions
 * queue and never take a session that is not there), then writes one append-only entry with what it moved per
 * item and moves the items' remaining sessions by it, all in one transaction: remaining = sum of entries, always.
 * Redemptions, reversals, refunds and extensions run once per Idempotency-Key.
 */
@ApplicationScoped
public class SessionPackService implements SessionPacksForOrders, TimelineSource {
    private static final int MAX_EXTENSION_DAYS = 3650;

    @Inject
    Caller caller;
    @Inject
    TenantService tenants;
    @Inject
    CustomerService customers;
    @Inject
    PackTemplateService templates;
    @Inject
    VisitService visits;
    @Inject
    StaffService staff;
    @Inject
    OrderRefunds orderRefunds;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<SessionRedeemed> redeemed;
    @Inject
    Event<RedemptionReversed> reversed;

    public record PackQuery(UUID customerId, SessionPackStatus status, UUID clinicId) {
    }

    /** Packs newest first: those the caller may see (sold at or redeemable at one of her clinics). */
    public Page<SessionPackView> list(PackQuery query, PageRequest page) {
        Filter filter = visible(new Filter())
                .and("customerId = :customer", "customer", query.customerId())
                .and("allClinics = true or array_contains(clinicIds, :clinicId)", "clinicId", query.clinicId())
                .and("id < :after", "after", page.after());
        if (query.status() != null) {
            withStatus(filter, query.status(), Clocks.now(clock));
        }
        List<SessionPack> rows = SessionPack.<SessionPack>find(filter.where() + " order by id desc", filter.params())
                .page(0, page.fetchSize()).list();
        Map<UUID, SessionPackView> views = views(rows);
        return page.page(rows, p -> p.id, p -> views.get(p.id));
    }

    public SessionPackView get(UUID packId) {
        return view(find(packId, LockModeType.NONE));
    }

    /** The pack's ledger, newest first (the order entries were written in, which is the order of remainingAfter). */
    public Page<SessionPackEntryView> ledger(UUID packId, PageRequest page) {
        find(packId, LockModeType.NONE);
        Filter filter = new Filter()
                .and("packId = :pack", "pack", packId)
                .and("id < :after", "after", page.after());
        List<SessionPackEntry> rows = SessionPackEntry.<SessionPackEntry>find(filter.where() + " order by id desc",
                filter.params()).page(0, page.fetchSize()).list();
        Map<UUID, SessionPackEntryView> views = entryViews(rows);
        return page.page(rows, e -> e.id, e -> views.get(e.id));
    }

    /**
     * One session of an item at the customer's visit, by a staff member of the visit's clinic. Checked under the
     * pack's lock: not frozen or refunded (409), not expired, a session left, redeemable at the visit's clinic, and
     * the item's minimum interval over unless a manager overrides it with a reason (422).
     */
    @Transactional
    public SessionPackMovement redeem(UUID packId, String idempotencyKey, SessionPackRedemptionInput request) {
        return idempotency.once(idempotencyKey, "session-pack.redeem:" + packId, request, SessionPackMovement.class,
                () -> {
                    SessionPack pack = find(packId, LockModeType.PESSIMISTIC_WRITE);
                    VisitRef visit = visits.visitRef(request.visitId())
                            .filter(v -> v.customerId().equals(pack.customerId))
                            .orElseThrow(() -> ProblemException.invalidField("visitId",
                                    "is not a visit of this pack's customer"));
                    if (!caller.mayWorkIn(visit.clinicId())) {
                        throw ProblemException.forbidden("You do not work at the clinic of this visit");
                    }
                    staff.requireStaffAt("clinicianId", request.clinicianId(), visit.clinicId());
                    SessionPackItem item = itemsOf(pack.id).get(request.itemId());
                    if (item == null) {
                        throw ProblemException.invalidField("itemId", "is not an item of this pack");
                    }
                    OffsetDateTime now = Clocks.now(clock);
                    requireUnfrozen(pack, "redeemed");
                    if (pack.expiredAt(now)) {
                        throw ProblemException.unprocessable("This pack expired at " + pack.expiresAt
                                + "; extend it to redeem its sessions");
                    }
                    if (!pack.redeemableAt(visit.clinicId())) {
                        throw ProblemException.unprocessable("This pack cannot be redeemed at the clinic of this"
                                + " visit");
                    }
                    if (item.remaining == 0) {
                        throw ProblemException.unprocessable("No session of " + item.itemName + " is left in this"
                                + " pack");
                    }
                    String override = intervalOverride(item, now, request.intervalOverrideReason());
                    SessionPackEntry entry = record(pack, SessionPackEntryKind.REDEEM, List.of(new Move(item, -1,
                            -PackValues.sessionValue(item.paidValue, item.sessions - item.remaining,
                                    item.sessions))), now, e -> {
                                e.visitId = visit.id();
                                e.clinicId = visit.clinicId();
                                e.clinicianId = request.clinicianId();
                                e.intervalOverrideReason = override;
                            });
                    item.lastRedeemedAt = now;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("entryId", entry.id);
                    details.put("itemId", item.key.itemId());
                    details.put("visitId", visit.id());
                    details.put("clinicianId", request.clinicianId());
                    details.put("remaining", item.remaining);
                    details.put("intervalOverrideReason", override);
                    audit.record("session-pack.redeemed", "session-pack", pack.id, details);
                    redeemed.fire(new SessionRedeemed(entry.id, pack.id, pack.customerId, item.key.itemId(),
                            visit.clinicId(), request.clinicianId(), now));
                    return movement(entry, pack);
                }).result();
    }

    /** Gives a redeemed session back, once; the item's last redemption becomes its latest one that stands. */
    @Transactional
    public SessionPackMovement reverse(UUID packId, UUID redemptionId, String idempotencyKey,
                                       SessionPackReason request) {
        return idempotency.once(idempotencyKey, "session-pack.reverse:" + redemptionId, request,
                SessionPackMovement.class, () -> {
                    SessionPack pack = find(packId, LockModeType.PESSIMISTIC_WRITE);
                    SessionPackEntry redeemed = SessionPackEntry.<SessionPackEntry>find(
                                    "id = ?1 and packId = ?2 and kind = ?3", redemptionId, packId,
                                    SessionPackEntryKind.REDEEM).firstResultOptional()
                            .orElseThrow(() -> ProblemException.notFound("Redemption"));
                    if (!caller.mayWorkIn(redeemed.clinicId)) {
                        throw ProblemException.forbidden("You do not work at the clinic of this redemption");
                    }
                    if (SessionPackEntry.count("reversalOf", redemptionId) > 0) {
                        throw ProblemException.conflict("This redemption was already reversed");
                    }
                    if (pack.state == SessionPack.State.REFUNDED) {
                        throw ProblemException.conflict("This pack was refunded; its sessions cannot come back");
                    }
                    UUID itemId = SessionPackEntryItem.<SessionPackEntryItem>find("key.entryId", redemptionId)
                            .singleResult().key.itemId();
                    SessionPackItem item = itemsOf(pack.id).get(itemId);
                    String reason = request.reason().trim();
                    OffsetDateTime now = Clocks.now(clock);
                    item.lastRedeemedAt = latestStandingRedemption(pack.id, itemId, redemptionId);
                    SessionPackEntry entry = record(pack, SessionPackEntryKind.REVERSAL, List.of(new Move(item, 1,
                            PackValues.sessionValue(item.paidValue, item.sessions - item.remaining - 1,
                                    item.sessions))), now, e -> {
                                e.reversalOf = redemptionId;
                                e.visitId = redeemed.visitId;
                                e.clinicId = redeemed.clinicId;
                                e.clinicianId = redeemed.clinicianId;
                                e.reason = reason;
                            });
                    audit.record("session-pack.redemption-reversed", "session-pack", pack.id, Map.of("entryId",
                            entry.id, "redemptionId", redemptionId, "itemId", itemId, "reason", reason));
                    reversed.fire(new RedemptionReversed(redemptionId, pack.id));
                    return movement(entry, pack);
                }).result();
    }

    /**
     * Refunds what the unused sessions are worth (per item its paid value less the value of the used sessions)
     * from the order line that sold the pack, and closes the pack, in one transaction.
     */
    @Transactional
    public SessionPackMovement refund(UUID packId, String idempotencyKey, SessionPackReason request) {
        return idempotency.once(idempotencyKey, "session-pack.refund:" + packId, request, SessionPackMovement.class,
                () -> {
                    SessionPack pack = find(packId, LockModeType.PESSIMISTIC_WRITE);
                    if (pack.state == SessionPack.State.REFUNDED) {
                        throw ProblemException.conflict("This pack was already refunded");
                    }
                    if (!caller.mayWorkIn(pack.soldAtClinicId)) {
                        throw ProblemException.forbidden("The money goes back through the order at the clinic that"
                                + " sold this pack, where you do not work");
                    }
                    if (pack.remaining == 0) {
                        throw ProblemException.unprocessable("No session is left in this pack to refund");
                    }
                    List<Move> moves = itemsOf(pack.id).values().stream().filter(i -> i.remaining > 0)
                            .map(i -> new Move(i, -i.remaining, -i.unusedValue())).toList();
                    long amount = -moves.stream().mapToLong(Move::value).sum();
                    String reason = request.reason().trim();
                    UUID refundId = amount > 0
                            ? orderRefunds.refundPackLine(pack.orderId, pack.orderLineNo, amount, reason) : null;
                    OffsetDateTime now = Clocks.now(clock);
                    SessionPackEntry entry = record(pack, SessionPackEntryKind.REFUND, moves, now, e -> {
                        e.reason = reason;
                        e.orderId = pack.orderId;
                        e.refundId = refundId;
                    });
                    pack.state = SessionPack.State.REFUNDED;
                    pack.frozenAt = null;
                    pack.refundedAt = now;
                    pack.refundedValue = amount;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("entryId", entry.id);
                    details.put("sessions", -entry.sessions);
                    details.put("amount", amount);
                    details.put("refundId", refundId);
                    details.put("reason", reason);
                    audit.record("session-pack.refunded", "session-pack", pack.id, details);
                    return movement(entry, pack);
                }).result();
    }

    @Transactional
    public SessionPackMovement freeze(UUID packId, SessionPackReason request) {
        SessionPack pack = find(packId, LockModeType.PESSIMISTIC_WRITE);
        requireUnfrozen(pack, "frozen");
        OffsetDateTime now = Clocks.now(clock);
        if (pack.expiredAt(now)) {
            throw ProblemException.unprocessable("This pack expired at " + pack.expiresAt + "; extend it instead");
        }
        String reason = request.reason().trim();
        pack.state = SessionPack.State.FROZEN;
        pack.frozenAt = now;
        SessionPackEntry entry = record(pack, SessionPackEntryKind.FREEZE, List.of(), now, e -> e.reason = reason);
        audit.record("session-pack.frozen", "session-pack", pack.id, Map.of("entryId", entry.id, "reason", reason));
        return movement(entry, pack);
    }

    /** Frozen time does not count against the pack: its expiry moves on by exactly that long. */
    @Transactional
    public SessionPackMovement unfreeze(UUID packId, SessionPackReason request) {
        SessionPack pack = find(packId, LockModeType.PESSIMISTIC_WRITE);
        if (pack.state != SessionPack.State.FROZEN) {
            throw ProblemException.conflict("This pack is not frozen");
        }
        OffsetDateTime now = Clocks.now(clock);
        String reason = request.reason().trim();
        OffsetDateTime before = pack.expiresAt;
        pack.expiresAt = pack.expiresAt.plus(Duration.between(pack.frozenAt, now));
        pack.state = SessionPack.State.ACTIVE;
        pack.frozenAt = null;
        SessionPackEntry entry = record(pack, SessionPackEntryKind.UNFREEZE, List.of(), now, e -> {
            e.reason = reason;
            e.previousExpiresAt = before;
            e.expiresAt = pack.expiresAt;
        });
        audit.record("session-pack.unfrozen", "session-pack", pack.id, Map.of("entryId", entry.id, "reason", reason,
                "expiresAt", Map.of("from", before, "to", pack.expiresAt)));
        return movement(entry, pack);
    }

    /** A later expiry, by days or to a date; an expired pack becomes usable again. Once per Idempotency-Key. */
    @Transactional
    public SessionPackMovement extend(UUID packId, String idempotencyKey, SessionPackExtension request) {
        if ((request.days() == null) == (request.expiresAt() == null)) {
            throw ProblemException.invalidField("days", "send exactly one of days and expiresAt");
        }
        return idempotency.once(idempotencyKey, "session-pack.extend:" + packId, request, SessionPackMovement.class,
                () -> {
                    SessionPack pack = find(packId, LockModeType.PESSIMISTIC_WRITE);
                    if (pack.state == SessionPack.State.REFUNDED) {
                        throw ProblemException.conflict("This pack was refunded");
                    }
                    OffsetDateTime now = Clocks.now(clock);
                    OffsetDateTime before = pack.expiresAt;
                    OffsetDateTime after = request.days() != null ? before.plusDays(request.days())
                            : request.expiresAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    if (!after.isAfter(before)) {
                        throw ProblemException.invalidField("expiresAt", "must be later than the current expiry "
                                + before);
                    }
                    if (after.isAfter(now.plusDays(MAX_EXTENSION_DAYS))) {
                        throw ProblemException.invalidField(request.days() != null ? "days" : "expiresAt",
                                "would take the expiry more than " + MAX_EXTENSION_DAYS + " days from now");
                    }
                    String reason = request.reason().trim();
                    pack.expiresAt = after;
                    SessionPackEntry entry = record(pack, SessionPackEntryKind.EXTEND, List.of(), now, e -> {
                        e.reason = reason;
                        e.previousExpiresAt = before;
                        e.expiresAt = after;
                    });
                    audit.record("session-pack.extended", "session-pack", pack.id, Map.of("entryId", entry.id,
                            "reason", reason, "expiresAt", Map.of("from", before, "to", after)));
                    return movement(entry, pack);
                }).result();
    }

    /** A live pack whose next session (the earliest of its items' minimum intervals) is due at `nextDueAt`. */
    public record PackDue(UUID packId, UUID customerId, UUID soldAtClinicId, OffsetDateTime nextDueAt) {
    }

    /** Active packs with sessions left whose next session falls due in (from, until] (follow-up reminders). */
    public List<PackDue> dueBetween(OffsetDateTime from, OffsetDateTime until) {
        OffsetDateTime now = Clocks.now(clock);
        List<SessionPack> packs = SessionPack.list("state = ?1 and remaining > 0 and expiresAt > ?2",
                SessionPack.State.ACTIVE, now);
        if (packs.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SessionPackItem>> items = SessionPackItem.<SessionPackItem>list("key.packId in ?1",
                packs.stream().map(p -> p.id).toList()).stream().collect(Collectors.groupingBy(i -> i.key.packId()));
        List<PackDue> due = new ArrayList<>();
        for (SessionPack p : packs) {
            items.getOrDefault(p.id, List.of()).stream().map(SessionPackItem::nextDueAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .filter(at -> at.isAfter(from) && !at.isAfter(until))
                    .ifPresent(at -> due.add(new PackDue(p.id, p.customerId, p.soldAtClinicId, at)));
        }
        return due;
    }

    @Override
    public Map<UUID, PackTemplateRef> templates(Collection<UUID> templateIds) {
        return templates.templates(templateIds);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void issueForOrder(PackSale sale) {
        Map<UUID, PackTemplateRef> refs = templates.templates(sale.lines().stream().map(PackLine::templateId)
                .collect(Collectors.toSet()));
        for (PackLine line : sale.lines()) {
            PackTemplateRef template = refs.get(line.templateId());
            long[][] paid = PackValues.paidValues(line.net(), line.quantity(),
                    template.items().stream().mapToLong(PackItemRef::allocatedPrice).toArray());
            for (int unit = 0; unit < line.quantity(); unit++) {
                issue(sale, line, unit + 1, template, paid[unit]);
            }
        }
    }

    private void issue(PackSale sale, PackLine line, int unitNo, PackTemplateRef template, long[] paid) {
        SessionPack pack = new SessionPack();
        pack.id = Ids.newId();
        pack.customerId = sale.customerId();
        pack.templateId = template.id();
        pack.templateName = template.name();
        pack.orderId = sale.orderId();
        pack.orderLineNo = (short) line.lineNo();
        pack.unitNo = unitNo;
        pack.soldAtClinicId = sale.clinicId();
        pack.allClinics = template.allClinics();
        pack.clinicIds = new ArrayList<>(template.clinicIds());
        pack.state = SessionPack.State.ACTIVE;
        pack.sessions = template.items().stream().mapToInt(PackItemRef::sessions).sum();
        pack.paidValue = Arrays.stream(paid).sum();
        pack.purchasedAt = sale.paidAt();
        pack.expiresAt = sale.paidAt().plusDays(template.validityDays());
        pack.updatedAt = sale.paidAt();
        pack.persist();
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < template.items().size(); i++) {
            PackItemRef ref = template.items().get(i);
            SessionPackItem item = new SessionPackItem();
            item.key = new SessionPackItem.Key(pack.id, ref.itemId());
            item.itemNo = (short) (i + 1);
            item.itemName = ref.itemName();
            item.sessions = ref.sessions();
            item.minIntervalDays = ref.minIntervalDays();
            item.paidValue = paid[i];
            item.persist();
            moves.add(new Move(item, ref.sessions(), paid[i]));
        }
        SessionPackEntry entry = record(pack, SessionPackEntryKind.ISSUE, moves, sale.paidAt(),
                e -> e.orderId = sale.orderId());
        audit.record("session-pack.issued", "session-pack", pack.id, Map.of("entryId", entry.id, "orderId",
                sale.orderId(), "sessions", pack.sessions, "paidValue", pack.paidValue, "expiresAt", pack.expiresAt));
    }

    @Override
    public Map<UUID, Map<Integer, List<UUID>>> packIdsOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return SessionPack.<SessionPack>find("orderId in ?1 order by orderLineNo, unitNo", Set.copyOf(orderIds))
                .stream().collect(Collectors.groupingBy(p -> p.orderId, Collectors.groupingBy(p -> (int) p.orderLineNo,
                        Collectors.mapping(p -> p.id, Collectors.toList()))));
    }

    /** Redemptions (reversed ones too, so marked) at the caller's clinics, newest first. */
    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("kind = :kind", "kind", SessionPackEntryKind.REDEEM)
                .and("packId in (select p.id from SessionPack p where p.customerId = :customer)", "customer",
                        customerId)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("occurredAt", "id", page, true);
        List<SessionPackEntry> rows = SessionPackEntry.<SessionPackEntry>find(filter.where()
                + " order by occurredAt desc, id desc", filter.params()).page(0, page.fetchSize()).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(e -> e.id).toList();
        Map<UUID, UUID> reversedBy = reversals(ids);
        Map<UUID, UUID> itemOf = SessionPackEntryItem.<SessionPackEntryItem>list("key.entryId in ?1", ids).stream()
                .collect(Collectors.toMap(m -> m.key.entryId(), m -> m.key.itemId()));
        Set<UUID> packIds = rows.stream().map(e -> e.packId).collect(Collectors.toSet());
        Map<UUID, String> templateNames = SessionPack.<SessionPack>list("id in ?1", packIds).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.templateName));
        Map<SessionPackItem.Key, String> itemNames = SessionPackItem.<SessionPackItem>list("key.packId in ?1",
                packIds).stream().collect(Collectors.toMap(i -> i.key, i -> i.itemName));
        return rows.stream().map(e -> new TimelineEntry(e.id, TimelineEntry.Kind.REDEMPTION, e.occurredAt,
                e.clinicId, e.clinicianId, reversedBy.containsKey(e.id) ? "REVERSED" : "REDEEMED",
                itemNames.get(new SessionPackItem.Key(e.packId, itemOf.get(e.id))) + " · "
                        + templateNames.get(e.packId), e.visitId)).toList();
    }

    /** A merged duplicate's packs become the survivor's, with their ledgers (which name packs, not customers). */
    void moveOnMerge(@Observes CustomerMerged merged) {
        OffsetDateTime now = Clocks.now(clock);
        SessionPack.<SessionPack>list("customerId", merged.duplicateId()).forEach(p -> {
            p.customerId = merged.survivorId();
            p.updatedAt = now;
        });
    }

    /** Only a manager or chain admin may redeem sooner than the item's minimum interval, and says why. */
    private String intervalOverride(SessionPackItem item, OffsetDateTime now, String overrideReason) {
        OffsetDateTime due = item.nextDueAt();
        if (due == null || !now.isBefore(due)) {
            return null;
        }
        String reason = Strings.blankToNull(overrideReason);
        if (reason == null) {
            throw ProblemException.unprocessable("The next session of " + item.itemName + " is due from " + due
                    + " (at least " + item.minIntervalDays + " days after the last); a manager may redeem it sooner"
                    + " with an intervalOverrideReason");
        }
        if (!caller.hasRole(Roles.MANAGER) && !caller.hasRole(Roles.TENANT_ADMIN)) {
            throw ProblemException.forbidden("Only a manager or chain admin may redeem sooner than the minimum"
                    + " interval");
        }
        return reason;
    }

    private static void requireUnfrozen(SessionPack pack, String what) {
        if (pack.state != SessionPack.State.ACTIVE) {
            throw ProblemException.conflict("This pack is " + pack.state + " and cannot be " + what);
        }
    }

    private static OffsetDateTime latestStandingRedemption(UUID packId, UUID itemId, UUID except) {
        return SessionPackEntry.getEntityManager().createQuery("select max(e.occurredAt) from SessionPackEntry e,"
                        + " SessionPackEntryItem m where m.key.entryId = e.id and e.packId = :pack"
                        + " and m.key.itemId = :item and e.kind = :kind and e.id <> :except and not exists"
                        + " (select r.id from SessionPackEntry r where r.reversalOf = e.id)", OffsetDateTime.class)
                .setParameter("pack", packId)
                .setParameter("item", itemId)
                .setParameter("kind", SessionPackEntryKind.REDEEM)
                .setParameter("except", except)
                .getSingleResult();
    }

    /** What an entry moves of one item, both signed the same way. */
    private record Move(SessionPackItem item, int sessions, long value) {
    }

    /** Writes the entry and what it moved per item, and moves the items and the pack by it, in one go. */
    private SessionPackEntry record(SessionPack pack, SessionPackEntryKind kind, List<Move> moves, OffsetDateTime at,
                                    Consumer<SessionPackEntry> details) {
        int sessions = 0;
        long value = 0;
        for (Move move : moves) {
            move.item().remaining += move.sessions();
            sessions += move.sessions();
            value += Math.abs(move.value());
        }
        pack.remaining += sessions;
        pack.updatedAt = Clocks.now(clock);
        SessionPackEntry entry = new SessionPackEntry();
        entry.id = Ids.newId();
        entry.packId = pack.id;
        entry.kind = kind;
        entry.sessions = sessions;
        entry.remainingAfter = pack.remaining;
        entry.value = value;
        entry.clinicId = pack.soldAtClinicId;
        entry.actorId = caller.userId();
        entry.actorName = caller.displayName() != null ? caller.displayName() : caller.username();
        entry.requestId = RequestIds.current();
        entry.occurredAt = at;
        details.accept(entry);
        entry.persist();
        for (Move move : moves) {
            SessionPackEntryItem row = new SessionPackEntryItem();
            row.key = new SessionPackEntryItem.Key(entry.id, move.item().key.itemId());
            row.packId = pack.id;
            row.sessions = move.sessions();
            row.value = move.value();
            row.persist();
        }
        return entry;
    }

    /** The pack if the caller may see it (sold or redeemable at one of her clinics); 404 otherwise. */
    private SessionPack find(UUID packId, LockModeType lock) {
        return SessionPack.<SessionPack>findByIdOptional(packId, lock)
                .filter(p -> caller.allClinics() || p.allClinics || caller.mayWorkIn(p.soldAtClinicId)
                        || p.clinicIds.stream().anyMatch(caller::mayWorkIn))
                .orElseThrow(() -> ProblemException.notFound("Session pack"));
    }

    /** The same rule as `find`, as a query condition. */
    private Filter visible(Filter filter) {
        if (caller.allClinics()) {
            return filter;
        }
        List<UUID> mine = List.copyOf(caller.clinicIds());
        Map<String, Object> params = new HashMap<>();
        params.put("mine", caller.clinicFilter());
        StringBuilder condition = new StringBuilder("allClinics = true or soldAtClinicId in :mine");
        for (int i = 0; i < mine.size(); i++) {
            condition.append(" or array_contains(clinicIds, :mine").append(i).append(')');
            params.put("mine" + i, mine.get(i));
        }
        return filter.and(condition.toString(), params);
    }

    private static void withStatus(Filter filter, SessionPackStatus status, OffsetDateTime now) {
        switch (status) {
            case REFUNDED -> filter.and("state = :state", "state", SessionPack.State.REFUNDED);
            case FROZEN -> filter.and("state = :state", "state", SessionPack.State.FROZEN);
            case USED_UP -> filter.and("state = :state and remaining = 0", "state", SessionPack.State.ACTIVE);
            case EXPIRED -> filter.and("state = :state and remaining > 0 and expiresAt <= :now",
                    Map.of("state", SessionPack.State.ACTIVE, "now", now));
            case ACTIVE -> filter.and("state = :state and remaining > 0 and expiresAt > :now",
                    Map.of("state", SessionPack.State.ACTIVE, "now", now));
        }
    }

    private static Map<UUID, SessionPackItem> itemsOf(UUID packId) {
        return SessionPackItem.<SessionPackItem>list("key.packId = ?1 order by itemNo", packId).stream()
                .collect(Collectors.toMap(i -> i.key.itemId(), i -> i, (a, b) -> a, LinkedHashMap::new));
    }

    private SessionPackMovement movement(SessionPackEntry entry, SessionPack pack) {
        SessionPackEntry.flush();
        return new SessionPackMovement(entryViews(List.of(entry)).get(entry.id), view(pack));
    }

    private SessionPackView view(SessionPack pack) {
        return views(List.of(pack)).get(pack.id);
    }

    private Map<UUID, SessionPackView> views(List<SessionPack> packs) {
        if (packs.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<SessionPackItem>> items = SessionPackItem.<SessionPackItem>list(
                        "key.packId in ?1 order by itemNo", packs.stream().map(p -> p.id).collect(Collectors.toSet()))
                .stream().collect(Collectors.groupingBy(i -> i.key.packId()));
        Map<UUID, String> names = customers.namesOf(packs.stream().map(p -> p.customerId).toList());
        String currency = currency();
        OffsetDateTime now = Clocks.now(clock);
        Map<UUID, SessionPackView> views = new LinkedHashMap<>();
        for (SessionPack p : packs) {
            List<SessionPackItem> own = items.getOrDefault(p.id, List.of());
            views.put(p.id, new SessionPackView(p.id, p.customerId, names.get(p.customerId), p.templateId,
                    p.templateName, p.orderId, p.orderLineNo, p.soldAtClinicId, p.allClinics,
                    List.copyOf(p.clinicIds), p.statusAt(now), p.sessions, p.remaining,
                    new Money(p.paidValue, currency),
                    new Money(own.stream().mapToLong(SessionPackItem::unusedValue).sum(), currency),
                    new Money(p.refundedValue, currency), p.purchasedAt, p.expiresAt, p.frozenAt, p.refundedAt,
                    own.stream().map(SessionPackItem::nextDueAt).filter(Objects::nonNull)
                            .min(Comparator.naturalOrder()).orElse(null),
                    own.stream().map(i -> new SessionPackItemView(i.key.itemId(), i.itemName, i.sessions,
                            i.remaining, i.minIntervalDays, new Money(i.paidValue, currency),
                            new Money(i.unusedValue(), currency), i.lastRedeemedAt, i.nextDueAt())).toList(),
                    p.updatedAt));
        }
        return views;
    }

    private Map<UUID, SessionPackEntryView> entryViews(List<SessionPackEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = entries.stream().map(e -> e.id).toList();
        Map<UUID, List<SessionPackEntryItem>> moved = SessionPackEntryItem.<SessionPackEntryItem>list(
                "key.entryId in ?1", ids).stream().collect(Collectors.groupingBy(m -> m.key.entryId()));
        Map<UUID, UUID> reversedBy = reversals(ids);
        String currency = currency();
        Map<UUID, SessionPackEntryView> views = new LinkedHashMap<>();
        for (SessionPackEntry e : entries) {
            views.put(e.id, new SessionPackEntryView(e.id, e.packId, e.kind, e.sessions, e.remainingAfter,
                    new Money(e.value, currency), moved.getOrDefault(e.id, List.of()).stream()
                    .map(m -> new SessionPackEntryItemView(m.key.itemId(), m.sessions,
                            new Money(Math.abs(m.value), currency))).toList(),
                    e.visitId, e.clinicId, e.clinicianId, e.intervalOverrideReason, e.reversalOf,
                    reversedBy.get(e.id), e.reason, e.previousExpiresAt, e.expiresAt, e.orderId, e.refundId,
                    e.actorId, e.actorName, e.requestId, e.occurredAt));
        }
        return views;
    }

    /** The reversal of each of these redemptions that has one. */
    private static Map<UUID, UUID> reversals(List<UUID> entryIds) {
        return SessionPackEntry.<SessionPackEntry>list("reversalOf in ?1", entryIds).stream()
                .collect(Collectors.toMap(r -> r.reversalOf, r -> r.id));
    }

    private String currency() {
        return tenants.currencyOf(caller.tenantId());
    }
}
