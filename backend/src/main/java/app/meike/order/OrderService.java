package app.meike.order;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.catalog.CatalogService.ItemRef;
import app.meike.catalog.ItemCategory;
import app.meike.catalog.PackTemplateService.PackTemplateRef;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.customer.TimelineSource;
import app.meike.engagement.coupon.CouponsForOrders;
import app.meike.engagement.coupon.CouponsForOrders.AppliedCoupon;
import app.meike.engagement.coupon.CouponsForOrders.CouponDiscount;
import app.meike.engagement.coupon.CouponsForOrders.DraftLine;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.integration.IdempotencyKeys;
import app.meike.membership.MemberBenefits;
import app.meike.membership.Memberships;
import app.meike.membership.Memberships.SpendSource;
import app.meike.membership.PointsForOrders;
import app.meike.order.OrderDtos.OrderCouponView;
import app.meike.order.OrderDtos.OrderCreate;
import app.meike.order.OrderDtos.OrderLineInput;
import app.meike.order.OrderDtos.OrderLineView;
import app.meike.order.OrderDtos.OrderPatch;
import app.meike.order.OrderDtos.OrderPayment;
import app.meike.order.OrderDtos.OrderTenderView;
import app.meike.order.OrderDtos.OrderView;
import app.meike.order.OrderDtos.OrderVoid;
import app.meike.order.OrderDtos.RefundCreate;
import app.meike.order.OrderDtos.RefundLineInput;
import app.meike.order.OrderDtos.RefundTenderInput;
import app.meike.order.OrderDtos.RefundTenderView;
import app.meike.order.OrderDtos.RefundView;
import app.meike.order.OrderDtos.TenderInput;
import app.meike.order.OrderEvents.OrderPaid;
import app.meike.order.OrderEvents.OrderRefunded;
import app.meike.order.SalesOrder.Status;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantService;
import app.meike.visit.ConsultationService;
import app.meike.visit.ConsultationService.Seeding;
import app.meike.wallet.SessionPacksForOrders;
import app.meike.wallet.SessionPacksForOrders.PackLine;
import app.meike.wallet.SessionPacksForOrders.PackSale;
import app.meike.wallet.StoredValueForOrders;
import app.meike.wallet.StoredValueForOrders.GivenBack;
import app.meike.wallet.StoredValueForOrders.Taken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Orders at the till. A draft is priced with the customer's tier discount, then her coupons, when it is written;
 * paying it moves money, points and the tier in one transaction (and issues the session packs its pack lines sold,
 * and redeems its coupons), and so does a refund. Pay and refund run once per Idempotency-Key.
 */
@ApplicationScoped
public class OrderService implements TimelineSource, OrderRefunds {
    @Inject
    Caller caller;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    CatalogService catalog;
    @Inject
    ConsultationService consultations;
    @Inject
    Memberships memberships;
    @Inject
    PointsForOrders points;
    @Inject
    SessionPacksForOrders packs;
    @Inject
    StoredValueForOrders storedValue;
    @Inject
    CouponsForOrders coupons;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<OrderPaid> paid;
    @Inject
    Event<OrderRefunded> refunded;

    public record OrderQuery(UUID customerId, UUID clinicId, Status status, OffsetDateTime from, OffsetDateTime to) {
    }

    /** Orders newest first, at the caller's clinics. */
    public Page<OrderView> list(OrderQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .and("customerId = :customer", "customer", query.customerId())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("status = :status", "status", query.status())
                .and("createdAt >= :from", "from", query.from())
                .and("createdAt < :to", "to", query.to())
                .afterPosition("createdAt", "id", page, true);
        List<SalesOrder> rows = SalesOrder.<SalesOrder>find(filter.where() + " order by createdAt desc, id desc",
                filter.params()).page(0, page.fetchSize()).list();
        Map<UUID, OrderView> views = views(rows);
        return page.pageByTime(rows, o -> o.createdAt, o -> o.id, o -> views.get(o.id));
    }

    public OrderView get(UUID id) {
        return view(find(id, LockModeType.NONE));
    }

    /** Paid orders (refunded ones too) by payment time: drafts and voided drafts are not something that happened. */
    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("paidAt is not null", Map.of())
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("paidAt", "id", page, true);
        List<SalesOrder> rows = SalesOrder.<SalesOrder>find(filter.where() + " order by paidAt desc, id desc",
                filter.params()).page(0, page.fetchSize()).list();
        Map<UUID, List<OrderLine>> lines = linesOf(rows.stream().map(o -> o.id).toList());
        return rows.stream().map(o -> new TimelineEntry(o.id, TimelineEntry.Kind.ORDER, o.paidAt, o.clinicId,
                o.consultantId, o.status.name(), o.number + " · " + lines.getOrDefault(o.id, List.of()).stream()
                .map(l -> l.itemName + " ×" + l.quantity).collect(Collectors.joining(", ")), null)).toList();
    }

    @Transactional
    public OrderView create(OrderCreate request) {
        clinics.requireWorkplace("clinicId", request.clinicId());
        customers.requireCustomer("customerId", request.customerId());
        UUID consultantId = request.consultantId() != null ? request.consultantId()
                : caller.hasRole(Roles.CONSULTANT) ? caller.staffId() : null;
        requireStaff("consultantId", consultantId, request.clinicId());
        requireStaff("clinicianId", request.clinicianId(), request.clinicId());
        OffsetDateTime now = Clocks.now(clock);
        SalesOrder order = new SalesOrder();
        order.id = Ids.newId();
        order.customerId = request.customerId();
        order.clinicId = request.clinicId();
        order.status = Status.DRAFT;
        order.consultantId = consultantId;
        order.clinicianId = request.clinicianId();
        order.note = Strings.blankToNull(request.note());
        order.createdBy = caller.userId();
        order.createdAt = now;
        order.updatedAt = now;
        MemberBenefits benefits = memberships.benefitsOf(order.customerId);
        Priced priced = price(order, request.lines(), benefits,
                request.couponIds() == null ? List.of() : request.couponIds());
        // Last, because the day's counter row stays locked until the draft commits.
        order.number = nextNumber(now);
        order.persist();
        priced.lines().forEach(e -> e.persist());
        SalesOrder.flush();
        coupons.keepOnDraft(order.id, priced.coupons());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", order.number);
        details.put("customerId", order.customerId);
        details.put("total", order.total);
        audit.record("order.drafted", "order", order.id, details);
        return view(order);
    }

    @Transactional
    public OrderView update(UUID id, String ifMatch, OrderPatch patch) {
        if (patch.consultantId == null && patch.clinicianId == null && patch.note == null && patch.lines == null
                && patch.couponIds == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        SalesOrder order = find(id, LockModeType.NONE);
        Versions.requireMatch(ifMatch, order.version);
        requireDraft(order);
        Changes changes = new Changes();
        if (patch.consultantId != null) {
            UUID consultantId = patch.consultantId.orElse(null);
            requireStaff("consultantId", consultantId, order.clinicId);
            if (changes.track("consultantId", order.consultantId, consultantId)) {
                order.consultantId = consultantId;
            }
        }
        if (patch.clinicianId != null) {
            UUID clinicianId = patch.clinicianId.orElse(null);
            requireStaff("clinicianId", clinicianId, order.clinicId);
            if (changes.track("clinicianId", order.clinicianId, clinicianId)) {
                order.clinicianId = clinicianId;
            }
        }
        if (patch.note != null) {
            String note = Strings.blankToNull(patch.note.orElse(null));
            if (changes.track("note", order.note, note)) {
                order.note = note;
            }
        }
        List<OrderLine> old = linesOf(List.of(order.id)).getOrDefault(order.id, List.of());
        // Lines are priced again on every change: the tier, or whether the consultant seeded an item, may differ now.
        List<OrderLineInput> inputs = patch.lines != null ? patch.lines.get() : old.stream()
                .map(l -> new OrderLineInput(l.itemId, l.packTemplateId, l.quantity, money(l.unitPrice),
                        money(l.lineDiscount)))
                .toList();
        long totalBefore = order.total;
        List<UUID> couponsBefore = coupons.onDraft(order.id);
        Priced priced = price(order, inputs, memberships.benefitsOf(order.customerId),
                patch.couponIds != null ? patch.couponIds.get() : couponsBefore);
        changes.track("total", totalBefore, order.total);
        if (patch.lines != null) {
            changes.track("lines", old.size(), priced.lines().size());
        }
        changes.track("couponIds", couponsBefore, priced.coupons().stream().map(CouponDiscount::couponId).toList());
        order.updatedAt = Clocks.now(clock);
        old.forEach(e -> e.delete());
        OrderLine.flush();
        priced.lines().forEach(e -> e.persist());
        order.persistAndFlush();
        coupons.keepOnDraft(order.id, priced.coupons());
        if (!changes.isEmpty()) {
            audit.record("order.updated", "order", order.id, changes.asMap());
        }
        return view(order);
    }

    @Transactional
    public OrderView voidDraft(UUID id, OrderVoid request) {
        SalesOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireDraft(order);
        order.status = Status.VOID;
        order.voidReason = request.reason().trim();
        order.updatedAt = Clocks.now(clock);
        order.persistAndFlush();
        coupons.releaseDraft(order.id);
        audit.record("order.voided", "order", order.id, Map.of("reason", order.voidReason));
        return view(order);
    }

    /** Pays a draft once per Idempotency-Key; a replay answers the order as the first payment left it. */
    @Transactional
    public OrderView pay(UUID id, String idempotencyKey, OrderPayment payment) {
        return idempotency.once(idempotencyKey, "order.pay:" + id, payment, OrderView.class,
                () -> payOnce(id, payment)).result();
    }

    /**
     * Refunds once per Idempotency-Key; a replay answers the order as that refund left it. Pack lines are refunded
     * through their packs, which know what their unused sessions are worth.
     */
    @Transactional
    public OrderView refund(UUID id, String idempotencyKey, RefundCreate request) {
        return idempotency.once(idempotencyKey, "order.refund:" + id, request, OrderView.class,
                () -> {
                    refundLines(id, request, false);
                    return get(id);
                }).result();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID refundPackLine(UUID orderId, int lineNo, long amount, String reason) {
        return refundLines(orderId, new RefundCreate(reason, List.of(new RefundLineInput(lineNo, money(amount))),
                null), true).id;
    }

    private OrderView payOnce(UUID id, OrderPayment payment) {
        SalesOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (order.status != Status.DRAFT) {
            throw ProblemException.conflict("Order " + order.number + " is " + order.status + ", not a draft to pay");
        }
        customers.requireCustomer("customerId", order.customerId);
        String currency = currency();
        List<TenderInput> inputs = payment.tenders();
        List<FieldError> errors = new ArrayList<>();
        long sum = 0;
        int pointsTenders = 0;
        int storedValueTenders = 0;
        for (int i = 0; i < inputs.size(); i++) {
            TenderInput t = inputs.get(i);
            requireCurrency(errors, "tenders[" + i + "].amount", t.amount(), currency);
            if (t.amount().amount() == 0) {
                errors.add(new FieldError("tenders[" + i + "].amount.amount", "must be more than zero"));
            }
            if (t.method() == TenderMethod.POINTS && ++pointsTenders > 1) {
                errors.add(new FieldError("tenders[" + i + "].method", "pay with points in one tender"));
            }
            if (t.method() == TenderMethod.STORED_VALUE && ++storedValueTenders > 1) {
                errors.add(new FieldError("tenders[" + i + "].method", "pay with stored value in one tender"));
            }
            sum += t.amount().amount();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (sum != order.total) {
            throw ProblemException.unprocessable("The tenders add up to " + sum + " but the order's total is "
                    + order.total + " (minor units of " + currency + "); they must cover it exactly");
        }
        OffsetDateTime now = Clocks.now(clock);
        // First, so a coupon another payment redeemed fails this one before anything else is written.
        coupons.redeemForOrder(order.id, order.total, now);
        List<OrderTender> tenders = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TenderInput input = inputs.get(i);
            OrderTender tender = new OrderTender();
            tender.id = Ids.newId();
            tender.orderId = order.id;
            tender.tenderNo = (short) (i + 1);
            tender.method = input.method();
            tender.amount = input.amount().amount();
            tender.reference = Strings.blankToNull(input.reference());
            if (input.method() == TenderMethod.POINTS) {
                tender.points = points.pointsToPay(tender.amount);
                points.redeemForOrder(order.customerId, order.id, tender.points, now);
            }
            tenders.add(tender);
        }
        // After the points, so every payment of a customer locks her points account before her stored value.
        for (OrderTender tender : tenders) {
            if (tender.method == TenderMethod.STORED_VALUE) {
                Taken taken = storedValue.debitForOrder(order.customerId, order.id, order.clinicId, tender.amount,
                        now);
                tender.storedValuePrincipal = taken.principal();
                tender.storedValueBonus = taken.bonus();
            }
        }
        List<OrderLine> lines = linesOf(List.of(order.id)).getOrDefault(order.id, List.of());
        markSeeded(order, lines);
        order.status = Status.PAID;
        order.paidAt = now;
        order.paidBy = caller.userId();
        order.qualifyingPaid = tenders.stream().mapToLong(t -> qualifyingPart(t, t.amount)).sum();
        order.updatedAt = now;
        tenders.forEach(e -> e.persist());
        List<PackLine> packLines = lines.stream().filter(l -> l.kind() == OrderLine.Kind.PACK)
                .map(l -> new PackLine(l.lineNo, l.packTemplateId, l.quantity, l.net)).toList();
        if (!packLines.isEmpty()) {
            packs.issueForOrder(new PackSale(order.id, order.customerId, order.clinicId, now, packLines));
        }
        customers.recordPurchase(order.customerId, now);
        if (order.qualifyingPaid > 0) {
            memberships.recordSpend(order.customerId, order.id, SpendSource.ORDER, order.qualifyingPaid, now);
            order.pointsEarned = points.earnForOrder(order.customerId, order.id, order.qualifyingPaid,
                    order.pointsMultiplier, now);
        }
        order.persistAndFlush();
        paid.fire(new OrderPaid(order.id, order.customerId, order.clinicId, order.consultantId, order.total,
                order.qualifyingPaid, order.pointsEarned, order.secondDevelopment, now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("total", order.total);
        details.put("tenders", tenders.stream().map(t -> t.method + " " + t.amount + (t.storedValuePrincipal == null
                ? "" : " (principal " + t.storedValuePrincipal + ", bonus " + t.storedValueBonus + ")")).toList());
        details.put("qualifyingSpend", order.qualifyingPaid);
        details.put("pointsEarned", order.pointsEarned);
        details.put("secondDevelopment", order.secondDevelopment);
        audit.record("order.paid", "order", order.id, details);
        return paidView(order, lines, tenders);
    }

    private OrderRefund refundLines(UUID id, RefundCreate request, boolean ofPacks) {
        SalesOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (order.status != Status.PAID && order.status != Status.PARTIALLY_REFUNDED) {
            throw ProblemException.conflict("Order " + order.number + " is " + order.status + ": only a paid order"
                    + " with something left to refund can be refunded");
        }
        String currency = currency();
        Map<Integer, OrderLine> lines = linesOf(List.of(order.id)).getOrDefault(order.id, List.of()).stream()
                .collect(Collectors.toMap(l -> (int) l.lineNo, l -> l));
        List<OrderTender> tenders = tendersOf(List.of(order.id)).getOrDefault(order.id, List.of());
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        long amount = 0;
        for (int i = 0; i < request.lines().size(); i++) {
            RefundLineInput input = request.lines().get(i);
            String field = "lines[" + i + "]";
            OrderLine line = lines.get(input.lineNo());
            if (line == null) {
                errors.add(new FieldError(field + ".lineNo", "is not a line of this order"));
                continue;
            }
            if (!seen.add(input.lineNo())) {
                errors.add(new FieldError(field + ".lineNo", "is named twice"));
            }
            if (line.kind() == OrderLine.Kind.PACK && !ofPacks) {
                throw ProblemException.unprocessable("Line " + line.lineNo + " sold session packs "
                        + packs.packIdsOf(List.of(order.id)).getOrDefault(order.id, Map.of()).get(input.lineNo())
                        + "; refund their unused sessions with POST /api/v1/session-packs/{packId}/refund");
            }
            requireCurrency(errors, field + ".amount", input.amount(), currency);
            long left = line.net - line.refunded;
            if (input.amount().amount() == 0) {
                errors.add(new FieldError(field + ".amount.amount", "must be more than zero"));
            } else if (input.amount().amount() > left) {
                errors.add(new FieldError(field + ".amount.amount", "is more than the line can still refund ("
                        + left + ")"));
            }
            amount += input.amount().amount();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        long[] allocation = allocate(request, tenders, amount, currency);
        OffsetDateTime now = Clocks.now(clock);
        OrderRefund refund = new OrderRefund();
        refund.id = Ids.newId();
        refund.orderId = order.id;
        refund.reason = request.reason().trim();
        refund.amount = amount;
        refund.refundedAt = now;
        refund.refundedBy = caller.userId();

        long qualifyingBefore = 0;
        long qualifyingNow = 0;
        long givingBack = 0;
        long[] pointsBack = new long[tenders.size()];
        for (int i = 0; i < tenders.size(); i++) {
            OrderTender tender = tenders.get(i);
            long before = qualifyingPart(tender, tender.refunded);
            qualifyingBefore += before;
            qualifyingNow += qualifyingPart(tender, tender.refunded + allocation[i]) - before;
            if (tender.method != TenderMethod.POINTS) {
                givingBack += allocation[i];
            } else if (allocation[i] > 0) {
                pointsBack[i] = OrderArithmetic.share(tender.points, tender.refunded + allocation[i], tender.amount)
                        - tender.pointsRestored;
                points.restoreRedeemed(order.customerId, order.id, refund.id, pointsBack[i], now);
                tender.pointsRestored += pointsBack[i];
            }
            tender.refunded += allocation[i];
        }
        // Points earned on the qualifying money now going back are taken back; those already spent are netted.
        long toReverse = OrderArithmetic.share(order.pointsEarned, qualifyingBefore + qualifyingNow,
                order.qualifyingPaid) - order.pointsReversed;
        long shortfall = toReverse > 0
                ? points.reverseEarned(order.customerId, order.id, refund.id, toReverse, now) : 0;
        order.pointsReversed += toReverse;
        refund.pointsReversed = toReverse - shortfall;
        refund.pointsShortfall = shortfall;
        refund.shortfallAmount = Math.min(shortfall > 0 ? points.valueOf(shortfall) : 0, givingBack);
        long[] returned = keepShortfall(tenders, allocation, refund.shortfallAmount);
        for (int i = 0; i < tenders.size(); i++) {
            if (tenders.get(i).method.isExternalMoney()) {
                refund.moneyReturned += returned[i];
            }
        }
        refund.persist();
        for (Map.Entry<Integer, Long> e : refundedLines(request).entrySet()) {
            lines.get(e.getKey()).refunded += e.getValue();
            RefundLine line = new RefundLine();
            line.key = new RefundLine.Key(refund.id, e.getKey().shortValue());
            line.amount = e.getValue();
            line.persist();
        }
        long principalBack = 0;
        for (int i = 0; i < tenders.size(); i++) {
            OrderTender tender = tenders.get(i);
            if (allocation[i] == 0) {
                continue;
            }
            RefundTender back = new RefundTender();
            back.key = new RefundTender.Key(refund.id, tender.tenderNo);
            back.amount = tender.method == TenderMethod.POINTS ? allocation[i] : returned[i];
            back.points = tender.method == TenderMethod.POINTS ? pointsBack[i] : null;
            if (tender.method == TenderMethod.STORED_VALUE) {
                GivenBack given = returned[i] == 0 ? new GivenBack(0, 0)
                        : storedValue.reverseForOrderRefund(order.id, refund.id, returned[i], refund.reason, now);
                back.storedValuePrincipal = given.principal();
                back.storedValueBonus = given.bonus();
                principalBack += given.principal();
            }
            back.persist();
        }
        long qualifyingReturned = refund.moneyReturned + principalBack;
        order.refunded += amount;
        order.qualifyingReturned += qualifyingReturned;
        order.status = order.refunded == order.total ? Status.REFUNDED : Status.PARTIALLY_REFUNDED;
        order.updatedAt = now;
        order.persistAndFlush();
        if (qualifyingReturned > 0) {
            memberships.recordSpend(order.customerId, refund.id, SpendSource.REFUND, -qualifyingReturned, now);
        }
        refunded.fire(new OrderRefunded(order.id, refund.id, order.customerId, order.clinicId, amount,
                refund.moneyReturned, qualifyingReturned, order.status == Status.REFUNDED, now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refundId", refund.id);
        details.put("amount", amount);
        details.put("moneyReturned", refund.moneyReturned);
        details.put("pointsReversed", refund.pointsReversed);
        details.put("pointsShortfall", refund.pointsShortfall);
        details.put("reason", refund.reason);
        audit.record("order.refunded", "order", order.id, details);
        return refund;
    }

    /** Where the refund's money goes: as the request names it, else pro rata over what each tender can return. */
    private static long[] allocate(RefundCreate request, List<OrderTender> tenders, long amount, String currency) {
        long[] capacity = tenders.stream().mapToLong(t -> t.amount - t.refunded).toArray();
        if (request.tenders() == null || request.tenders().isEmpty()) {
            return OrderArithmetic.proRata(amount, capacity);
        }
        long[] allocation = new long[tenders.size()];
        List<FieldError> errors = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < request.tenders().size(); i++) {
            RefundTenderInput input = request.tenders().get(i);
            String field = "tenders[" + i + "]";
            int index = input.tenderNo() - 1;
            if (index >= tenders.size()) {
                errors.add(new FieldError(field + ".tenderNo", "is not a tender of this order"));
                continue;
            }
            if (allocation[index] > 0) {
                errors.add(new FieldError(field + ".tenderNo", "is named twice"));
            }
            requireCurrency(errors, field + ".amount", input.amount(), currency);
            if (input.amount().amount() > capacity[index]) {
                errors.add(new FieldError(field + ".amount.amount", "is more than this tender can still return ("
                        + capacity[index] + ")"));
            }
            allocation[index] = input.amount().amount();
            sum += input.amount().amount();
        }
        if (errors.isEmpty() && sum != amount) {
            errors.add(new FieldError("tenders", "must add up to the lines' amounts (" + amount + "), not " + sum));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return allocation;
    }

    /**
     * What each tender gives back (money, or stored value into its lots) once the value of unrecoverable points is
     * kept, largest first.
     */
    private static long[] keepShortfall(List<OrderTender> tenders, long[] allocation, long keep) {
        long[] returned = allocation.clone();
        List<Integer> external = new ArrayList<>();
        for (int i = 0; i < tenders.size(); i++) {
            if (tenders.get(i).method != TenderMethod.POINTS) {
                external.add(i);
            }
        }
        external.sort(Comparator.comparingLong((Integer i) -> allocation[i]).reversed());
        for (int i : external) {
            long kept = Math.min(keep, returned[i]);
            returned[i] -= kept;
            keep -= kept;
        }
        return returned;
    }

    /**
     * The qualifying part of `value` of a tender's amount: all of external money, the principal's running share of
     * stored value (so refunds take back exactly the principal paid once all of it is refunded), none of points.
     */
    private static long qualifyingPart(OrderTender tender, long value) {
        return switch (tender.method) {
            case POINTS -> 0;
            case STORED_VALUE -> OrderArithmetic.share(tender.storedValuePrincipal, value, tender.amount);
            default -> value;
        };
    }

    private static Map<Integer, Long> refundedLines(RefundCreate request) {
        Map<Integer, Long> byLine = new LinkedHashMap<>();
        request.lines().forEach(l -> byLine.merge(l.lineNo(), l.amount().amount(), Long::sum));
        return byLine;
    }

    /** A draft's priced lines and the coupons that took part of them. */
    private record Priced(List<OrderLine> lines, List<CouponDiscount> coupons) {
    }

    /**
     * Prices the lines with the tier's benefits, then the coupons, and sets the order's totals: net = unit price x
     * quantity - line discount - tier discount (the tier's percent of what is left after the line discount) -
     * coupon discount (what the coupons take of what is left after that).
     */
    private Priced price(SalesOrder order, List<OrderLineInput> inputs, MemberBenefits benefits,
                         List<UUID> couponIds) {
        String currency = currency();
        Map<UUID, ItemRef> items = catalog.items(inputs.stream().map(OrderLineInput::itemId)
                .filter(Objects::nonNull).toList());
        Map<UUID, PackTemplateRef> templates = packs.templates(inputs.stream().map(OrderLineInput::packTemplateId)
                .filter(Objects::nonNull).toList());
        List<FieldError> errors = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            OrderLineInput input = inputs.get(i);
            String field = "lines[" + i + "]";
            Sold sold = sold(input, field, items, templates, order.clinicId, benefits, errors);
            if (sold == null) {
                continue;
            }
            OrderLine line = new OrderLine();
            line.id = Ids.newId();
            line.orderId = order.id;
            line.lineNo = (short) (i + 1);
            line.itemId = sold.itemId();
            line.packTemplateId = sold.packTemplateId();
            line.itemName = sold.name();
            line.category = sold.category();
            line.quantity = input.quantity();
            line.listPrice = sold.listPrice();
            line.unitPrice = input.unitPrice() == null ? sold.listPrice() : input.unitPrice().amount();
            line.lineDiscount = input.lineDiscount() == null ? 0 : input.lineDiscount().amount();
            requireCurrency(errors, field + ".unitPrice", input.unitPrice(), currency);
            requireCurrency(errors, field + ".lineDiscount", input.lineDiscount(), currency);
            long gross = Math.multiplyExact(line.unitPrice, line.quantity);
            if (line.lineDiscount > gross) {
                errors.add(new FieldError(field + ".lineDiscount.amount", "is more than the line (" + gross + ")"));
                continue;
            }
            line.tierDiscountPercent = sold.tierDiscountPercent();
            line.tierDiscount = OrderArithmetic.percentOf(gross - line.lineDiscount, line.tierDiscountPercent);
            line.net = gross - line.lineDiscount - line.tierDiscount;
            lines.add(line);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        List<CouponDiscount> applied = coupons.price(order.customerId, couponIds, lines.stream()
                .map(l -> new DraftLine(l.lineNo, l.itemId, l.category, l.quantity, l.net)).toList());
        for (CouponDiscount coupon : applied) {
            for (OrderLine line : lines) {
                long off = coupon.byLine().getOrDefault((int) line.lineNo, 0L);
                line.couponDiscount += off;
                line.net -= off;
            }
        }
        order.tierId = benefits.tierId();
        order.tierName = benefits.tierName();
        order.pointsMultiplier = benefits.pointsMultiplier();
        order.subtotal = lines.stream().mapToLong(l -> l.unitPrice * l.quantity).sum();
        order.total = lines.stream().mapToLong(l -> l.net).sum();
        order.discount = order.subtotal - order.total;
        markSeeded(order, lines);
        return new Priced(lines, applied);
    }

    /**
     * What a line sells, as it is priced: an item at its list price and its category's tier discount, or packs of
     * a template at the template's price and the tier's overall discount. Null, with the field's error, when the
     * line names neither or both, or something not for sale at the clinic.
     */
    private record Sold(UUID itemId, UUID packTemplateId, String name, ItemCategory category, long listPrice,
                        BigDecimal tierDiscountPercent) {
    }

    private static Sold sold(OrderLineInput input, String field, Map<UUID, ItemRef> items,
                             Map<UUID, PackTemplateRef> templates, UUID clinicId, MemberBenefits benefits,
                             List<FieldError> errors) {
        if ((input.itemId() == null) == (input.packTemplateId() == null)) {
            errors.add(new FieldError(field + ".itemId", "send exactly one of itemId and packTemplateId"));
            return null;
        }
        if (input.packTemplateId() != null) {
            PackTemplateRef template = templates.get(input.packTemplateId());
            if (template == null || !template.soldAt(clinicId)) {
                errors.add(new FieldError(field + ".packTemplateId", template == null
                        ? "is not a session-pack template of this chain"
                        : template.active() ? "is not sold at this clinic" : "is archived"));
                return null;
            }
            return new Sold(null, template.id(), template.name(), null, template.price(),
                    benefits.discountPercent());
        }
        ItemRef item = items.get(input.itemId());
        if (item == null || !item.offeredAt(clinicId)) {
            errors.add(new FieldError(field + ".itemId", item == null ? "is not an item of this chain"
                    : "is not offered at this clinic"));
            return null;
        }
        return new Sold(item.id(), null, item.name(), item.category(), item.listPrice(),
                benefits.discountFor(item.category()));
    }

    /**
     * Second development (二开): sold by a consultant other than the customer's first one, with an item that first
     * consultant did not suggest to her (for packs: none of the template's items). Without a first consultation
     * there is nothing to develop a second time.
     */
    private void markSeeded(SalesOrder order, List<OrderLine> lines) {
        Seeding seeding = consultations.seedingOf(order.customerId);
        Map<UUID, PackTemplateRef> templates = packs.templates(lines.stream().map(l -> l.packTemplateId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        lines.forEach(l -> l.seededByFirstConsultant = l.kind() == OrderLine.Kind.PACK
                ? templates.get(l.packTemplateId).itemIds().stream().anyMatch(seeding.suggestedItemIds()::contains)
                : seeding.suggestedItemIds().contains(l.itemId));
        order.secondDevelopment = seeding.firstConsultantId() != null && order.consultantId != null
                && !order.consultantId.equals(seeding.firstConsultantId())
                && lines.stream().anyMatch(l -> !l.seededByFirstConsultant);
    }

    private void requireStaff(String field, UUID staffId, UUID clinicId) {
        if (staffId != null) {
            staff.requireStaffAt(field, staffId, clinicId);
        }
    }

    private static void requireDraft(SalesOrder order) {
        if (order.status != Status.DRAFT) {
            throw ProblemException.conflict("Order " + order.number + " is " + order.status
                    + "; only a draft can be changed or voided");
        }
    }

    private static void requireCurrency(List<FieldError> errors, String field, Money money, String currency) {
        if (money != null && !money.currency().equals(currency)) {
            errors.add(new FieldError(field + ".currency", "must be the chain's currency " + currency));
        }
    }

    /** The order at one of the caller's clinics; another chain's or clinic's order is not found. */
    private SalesOrder find(UUID id, LockModeType lock) {
        return SalesOrder.<SalesOrder>findByIdOptional(id, lock)
                .filter(o -> caller.mayWorkIn(o.clinicId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
    }

    /** Receipt numbers count per day in the chain's time zone: 20261123-0007. */
    private String nextNumber(OffsetDateTime now) {
        UUID tenant = caller.tenantId();
        LocalDate day = now.atZoneSameInstant(ZoneId.of(tenants.timeZoneOf(tenant))).toLocalDate();
        Number next = (Number) SalesOrder.getEntityManager().createNativeQuery("INSERT INTO order_number_counter"
                        + " (tenant_id, day, last_number) VALUES (:tenant, :day, 1) ON CONFLICT (tenant_id, day)"
                        + " DO UPDATE SET last_number = order_number_counter.last_number + 1 RETURNING last_number")
                .setParameter("tenant", tenant)
                .setParameter("day", day)
                .getSingleResult();
        return "%04d%02d%02d-%04d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                next.intValue());
    }

    private String currency() {
        return tenants.currencyOf(caller.tenantId());
    }

    private Money money(long amount) {
        return new Money(amount, currency());
    }

    private static Money money(Long amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    private OrderView view(SalesOrder order) {
        return views(List.of(order)).get(order.id);
    }

    private Map<UUID, OrderView> views(List<SalesOrder> orders) {
        List<UUID> ids = orders.stream().map(o -> o.id).toList();
        Map<UUID, List<OrderTender>> tenders = tendersOf(ids);
        return views(orders, linesOf(ids), tenders, refundsOf(ids, tenders), coupons.appliedTo(ids));
    }

    /** The order a payment just wrote, from its lines and tenders at hand (nothing is refunded yet): no read back. */
    private OrderView paidView(SalesOrder order, List<OrderLine> lines, List<OrderTender> tenders) {
        return views(List.of(order), Map.of(order.id, lines), Map.of(order.id, tenders), Map.of(),
                coupons.appliedTo(List.of(order.id))).get(order.id);
    }

    private Map<UUID, OrderView> views(List<SalesOrder> orders, Map<UUID, List<OrderLine>> lines,
                                       Map<UUID, List<OrderTender>> tenders, Map<UUID, List<RefundView>> refunds,
                                       Map<UUID, List<AppliedCoupon>> applied) {
        Map<UUID, Map<Integer, List<UUID>>> packIds = packs.packIdsOf(lines.values().stream().flatMap(List::stream)
                .filter(l -> l.kind() == OrderLine.Kind.PACK).map(l -> l.orderId).collect(Collectors.toSet()));
        Map<UUID, String> names = customers.namesOf(orders.stream().map(o -> o.customerId).toList());
        String currency = currency();
        Map<UUID, OrderView> views = new LinkedHashMap<>();
        for (SalesOrder o : orders) {
            views.put(o.id, new OrderView(o.id, o.number, o.customerId, names.get(o.customerId), o.clinicId, o.status,
                    o.consultantId, o.clinicianId, o.note, o.tierName, o.pointsMultiplier,
                    lines.getOrDefault(o.id, List.of()).stream().map(l -> new OrderLineView(l.lineNo, l.kind(),
                            l.itemId, l.packTemplateId, l.itemName, l.category, l.quantity,
                            new Money(l.listPrice, currency), new Money(l.unitPrice, currency),
                            new Money(l.lineDiscount, currency), l.tierDiscountPercent,
                            new Money(l.tierDiscount, currency), new Money(l.couponDiscount, currency),
                            new Money(l.net, currency),
                            new Money(l.refunded, currency), l.seededByFirstConsultant,
                            packIds.getOrDefault(o.id, Map.of()).getOrDefault((int) l.lineNo, List.of()))).toList(),
                    applied.getOrDefault(o.id, List.of()).stream().map(c -> new OrderCouponView(c.couponId(),
                            c.couponTypeId(), c.name(), c.kind(), new Money(c.discount(), currency))).toList(),
                    tenders.getOrDefault(o.id, List.of()).stream().map(t -> new OrderTenderView(t.tenderNo, t.method,
                            new Money(t.amount, currency), t.points, t.reference, new Money(t.refunded, currency),
                            money(t.storedValuePrincipal, currency), money(t.storedValueBonus, currency))).toList(),
                    refunds.getOrDefault(o.id, List.of()), new Money(o.subtotal, currency),
                    new Money(o.discount, currency), new Money(o.total, currency),
                    new Money(o.qualifyingPaid - o.qualifyingReturned, currency), o.pointsEarned - o.pointsReversed,
                    o.secondDevelopment, o.paidAt, o.paidBy, o.voidReason, o.createdAt, o.updatedAt, o.version));
        }
        return views;
    }

    private static Map<UUID, List<OrderLine>> linesOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return OrderLine.<OrderLine>find("orderId in ?1 order by lineNo", orderIds).stream()
                .collect(Collectors.groupingBy(l -> l.orderId, Collectors.toList()));
    }

    private static Map<UUID, List<OrderTender>> tendersOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return OrderTender.<OrderTender>find("orderId in ?1 order by tenderNo", orderIds).stream()
                .collect(Collectors.groupingBy(t -> t.orderId, Collectors.toList()));
    }

    private Map<UUID, List<RefundView>> refundsOf(Collection<UUID> orderIds, Map<UUID, List<OrderTender>> tenders) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        List<OrderRefund> refunds = OrderRefund.<OrderRefund>find("orderId in ?1 order by refundedAt, id", orderIds)
                .list();
        if (refunds.isEmpty()) {
            return Map.of();
        }
        List<UUID> refundIds = refunds.stream().map(r -> r.id).toList();
        Map<UUID, List<RefundLine>> lines = RefundLine.<RefundLine>find("key.refundId in ?1 order by key.lineNo",
                refundIds).stream().collect(Collectors.groupingBy(l -> l.key.refundId()));
        Map<UUID, List<RefundTender>> back = RefundTender.<RefundTender>find(
                "key.refundId in ?1 order by key.tenderNo", refundIds).stream()
                .collect(Collectors.groupingBy(t -> t.key.refundId()));
        String currency = currency();
        Map<UUID, List<RefundView>> byOrder = new LinkedHashMap<>();
        for (OrderRefund r : refunds) {
            Map<Short, TenderMethod> methods = tenders.getOrDefault(r.orderId, List.of()).stream()
                    .collect(Collectors.toMap(t -> t.tenderNo, t -> t.method));
            byOrder.computeIfAbsent(r.orderId, k -> new ArrayList<>()).add(new RefundView(r.id, r.refundedAt,
                    r.refundedBy, r.reason, new Money(r.amount, currency), new Money(r.moneyReturned, currency),
                    lines.getOrDefault(r.id, List.of()).stream().map(l -> new RefundLineInput((int) l.key.lineNo(),
                            new Money(l.amount, currency))).toList(),
                    back.getOrDefault(r.id, List.of()).stream().map(t -> new RefundTenderView(t.key.tenderNo(),
                            methods.get(t.key.tenderNo()), new Money(t.amount, currency), t.points,
                            money(t.storedValuePrincipal, currency), money(t.storedValueBonus, currency))).toList(),
                    r.pointsReversed, r.pointsShortfall, new Money(r.shortfallAmount, currency)));
        }
        return byOrder;
    }
}
