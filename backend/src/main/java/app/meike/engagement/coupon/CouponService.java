package app.meike.engagement.coupon;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerFilterParams;
import app.meike.customer.CustomerMerged;
import app.meike.customer.CustomerService;
import app.meike.engagement.coupon.CouponDtos.CouponBulkIssue;
import app.meike.engagement.coupon.CouponDtos.CouponBulkResult;
import app.meike.engagement.coupon.CouponDtos.CouponExpiryResult;
import app.meike.engagement.coupon.CouponDtos.CouponIssue;
import app.meike.engagement.coupon.CouponDtos.CouponReport;
import app.meike.engagement.coupon.CouponDtos.CouponTypeFigures;
import app.meike.engagement.coupon.CouponDtos.CouponView;
import app.meike.engagement.coupon.CouponDtos.CouponVoid;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.integration.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Customers' coupons: issuing (one at a time, in bulk to a customer segment, or by the system), voiding, expiry and
 * the per-type report. Redemption is the order's business: see CouponRedemptions.
 */
@ApplicationScoped
public class CouponService implements CouponIssuing {
    /** More than this many customers in one bulk issue is a mistake of the filter rather than a campaign. */
    static final int BULK_LIMIT = 5000;

    @Inject
    Caller caller;
    @Inject
    CouponTypeService types;
    @Inject
    GiftBudgetService budgets;
    @Inject
    CustomerService customers;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record CouponQuery(UUID customerId, UUID couponTypeId, CouponStatus status, CouponSource source) {
    }

    /** Newest first. */
    public Page<CouponView> list(CouponQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", query.customerId())
                .and("couponTypeId = :type", "type", query.couponTypeId())
                .and("status = :status", "status", query.status())
                .and("source = :source", "source", query.source())
                .and("id < :after", "after", page.after());
        List<Coupon> rows = Coupon.<Coupon>find(filter.where() + " order by id desc", filter.params())
                .page(0, page.fetchSize()).list();
        Map<UUID, CouponType> byType = typesOf(rows);
        String currency = types.currency();
        return page.page(rows, c -> c.id, c -> view(c, byType.get(c.couponTypeId), currency));
    }

    public CouponView get(UUID id) {
        Coupon coupon = find(id);
        return view(coupon, types.find(coupon.couponTypeId), types.currency());
    }

    /**
     * Issues a coupon once per Idempotency-Key. Consultants may only gift, from their own budget of the month;
     * REFERRAL_REWARD coupons come from the system alone.
     */
    @Transactional
    public CouponView issue(String idempotencyKey, CouponIssue request) {
        return idempotency.once(idempotencyKey, "coupon.issue", request, CouponView.class, () -> {
            if (request.source() == CouponSource.REFERRAL_REWARD) {
                throw ProblemException.invalidField("source", "REFERRAL_REWARD coupons are issued by the system");
            }
            if (request.source() != CouponSource.CONSULTANT_GIFT && !caller.hasRole(Roles.TENANT_ADMIN)
                    && !caller.hasRole(Roles.MANAGER)) {
                throw ProblemException.forbidden("Consultants issue coupons as gifts from their budget only");
            }
            customers.requireCustomer("customerId", request.customerId());
            CouponType type = activeType(request.couponTypeId());
            String sourceRef = Strings.blankToNull(request.sourceRef());
            if (sourceRef != null && held(type.id, request.source(), sourceRef, List.of(request.customerId()))
                    .contains(request.customerId())) {
                throw ProblemException.conflict("The customer already holds a coupon of this type for '" + sourceRef
                        + "'");
            }
            Coupon coupon = newCoupon(type, request.customerId(), request.source(), sourceRef,
                    Strings.blankToNull(request.note()), Clocks.now(clock));
            return view(coupon, type, types.currency());
        }).result();
    }

    /**
     * Issues a coupon of the type to every customer the filters match (the segment), once per Idempotency-Key;
     * customers who already hold one for the same source reference are skipped, so a campaign run again does not
     * give twice.
     */
    @Transactional
    public CouponBulkResult issueInBulk(String idempotencyKey, CustomerFilterParams filters, CouponBulkIssue request) {
        Map<String, String> filter = describe(filters);
        return issueToEach(idempotencyKey, "coupon.bulk-issue:" + filter, "filter", filter, request, () -> {
            List<UUID> matched = customers.idsMatching(filters, BULK_LIMIT + 1);
            if (matched.size() > BULK_LIMIT) {
                throw ProblemException.unprocessable("More than " + BULK_LIMIT + " customers match; narrow"
                        + " the filter and issue in parts");
            }
            return matched;
        });
    }

    /**
     * The same for a customer segment another feature computes (analytics segments): `members` runs only for a new
     * key and answers at most BULK_LIMIT live customers; `segment` describes it for the key and the audit log.
     */
    @Transactional
    public CouponBulkResult issueToSegment(String idempotencyKey, Map<String, Object> segment,
                                           CouponBulkIssue request, Supplier<List<UUID>> members) {
        return issueToEach(idempotencyKey, "coupon.segment-issue:" + segment, "segment", segment, request, members);
    }

    private CouponBulkResult issueToEach(String idempotencyKey, String operation, String describedAs,
                                         Object described, CouponBulkIssue request, Supplier<List<UUID>> members) {
        return idempotency.once(idempotencyKey, operation, request, CouponBulkResult.class, () -> {
            if (request.source() != CouponSource.CAMPAIGN && request.source() != CouponSource.BIRTHDAY) {
                throw ProblemException.invalidField("source", "bulk issues are CAMPAIGN or BIRTHDAY coupons");
            }
            CouponType type = activeType(request.couponTypeId());
            List<UUID> matched = members.get();
            String sourceRef = request.sourceRef().trim();
            Set<UUID> holding = held(type.id, request.source(), sourceRef, matched);
            OffsetDateTime now = Clocks.now(clock);
            String note = Strings.blankToNull(request.note());
            int issued = 0;
            for (UUID customerId : matched) {
                if (!holding.contains(customerId)) {
                    newCoupon(type, customerId, request.source(), sourceRef, note, now);
                    issued++;
                }
            }
            Coupon.flush();
            CouponBulkResult result = new CouponBulkResult(type.id, sourceRef, matched.size(), issued,
                    matched.size() - issued);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("couponTypeId", type.id);
            details.put("source", request.source());
            details.put("sourceRef", sourceRef);
            details.put(describedAs, described);
            details.put("matched", result.matched());
            details.put("issued", result.issued());
            details.put("skipped", result.skipped());
            audit.record("coupon.bulk-issued", "coupon-type", type.id, details);
            return result;
        }).result();
    }

    /** Voids an unused coupon with a reason, once per Idempotency-Key; a gift's value goes back to its budget. */
    @Transactional
    public CouponView voidCoupon(UUID id, String idempotencyKey, CouponVoid request) {
        return idempotency.once(idempotencyKey, "coupon.void:" + id, request, CouponView.class, () -> {
            Coupon coupon = Coupon.<Coupon>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("Coupon"));
            if (coupon.status != CouponStatus.ISSUED) {
                throw ProblemException.conflict("The coupon is " + coupon.status + (coupon.status
                        == CouponStatus.REDEEMED ? "; refund its order instead" : "") + ", not one to void");
            }
            voidOne(coupon, request.reason().trim(), Clocks.now(clock));
            return view(coupon, types.find(coupon.couponTypeId), types.currency());
        }).result();
    }

    @Override
    public boolean isActiveType(UUID couponTypeId) {
        return CouponType.<CouponType>findByIdOptional(couponTypeId).map(t -> t.active).orElse(false);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID issueFor(UUID customerId, UUID couponTypeId, CouponSource source, String sourceRef) {
        Coupon existing = Coupon.<Coupon>find("couponTypeId = ?1 and customerId = ?2 and source = ?3"
                + " and sourceRef = ?4", couponTypeId, customerId, source, sourceRef).firstResult();
        if (existing != null) {
            return existing.id;
        }
        return newCoupon(types.find(couponTypeId), customerId, source, sourceRef, null, Clocks.now(clock)).id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Revocation revokeFor(String sourceRef, String reason) {
        OffsetDateTime now = Clocks.now(clock);
        int voided = 0;
        int redeemed = 0;
        for (Coupon coupon : Coupon.<Coupon>find("sourceRef = ?1 and source = ?2", sourceRef,
                CouponSource.REFERRAL_REWARD).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            if (coupon.status == CouponStatus.ISSUED) {
                voidOne(coupon, reason, now);
                voided++;
            } else if (coupon.status == CouponStatus.REDEEMED) {
                redeemed++;
                audit.record("coupon.revoke-after-redemption", "coupon", coupon.id,
                        Map.of("sourceRef", sourceRef, "orderId", coupon.orderId, "reason", reason));
            }
        }
        return new Revocation(voided, redeemed);
    }

    /** Marks the coupons that expired by `asOf` (default now) EXPIRED; they stopped applying at expiry already. */
    @Transactional
    public CouponExpiryResult expireDue(OffsetDateTime asOf) {
        OffsetDateTime at = Clocks.asOf(asOf, clock);
        List<Coupon> due = Coupon.<Coupon>find("status = ?1 and expiresAt <= ?2", CouponStatus.ISSUED, at).list();
        OffsetDateTime now = Clocks.now(clock);
        for (Coupon coupon : due) {
            coupon.status = CouponStatus.EXPIRED;
            coupon.expiredAt = coupon.expiresAt;
            coupon.updatedAt = now;
        }
        Coupon.flush();
        if (!due.isEmpty()) {
            audit.record("coupon.expiry-run", "coupon-expiry", Ids.newId(), Map.of("asOf", at, "expired", due.size()));
        }
        return new CouponExpiryResult(due.size());
    }

    /** One status of one type in the report: how many, and the discount of those redeemed. */
    private record Tally(UUID typeId, CouponStatus status, long count, long discount) {
    }

    /**
     * A merged duplicate's coupons become the survivor's: those still ISSUED stay usable by her, the others keep
     * their history. Gift budgets name the consultant, not the customer, so they are untouched.
     */
    void moveOnMerge(@Observes CustomerMerged merged) {
        OffsetDateTime now = Clocks.now(clock);
        Coupon.<Coupon>list("customerId", merged.duplicateId()).forEach(c -> {
            c.customerId = merged.survivorId();
            c.updatedAt = now;
        });
    }

    /** Per type: how many were issued and where they are now, the discount redeemed ones gave, their orders' revenue. */
    public CouponReport report() {
        Map<UUID, Map<CouponStatus, Tally>> byType = Coupon.getEntityManager().createQuery("select couponTypeId,"
                        + " status, count(*), sum(discount) from Coupon group by couponTypeId, status",
                        Object[].class).getResultList().stream()
                .map(r -> new Tally((UUID) r[0], (CouponStatus) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue()))
                .collect(Collectors.groupingBy(Tally::typeId, Collectors.toMap(Tally::status, r -> r, (a, b) -> a,
                        () -> new EnumMap<>(CouponStatus.class))));
        Map<UUID, Long> revenueByType = revenueByType();
        String currency = types.currency();
        Tally none = new Tally(null, null, 0, 0);
        List<CouponTypeFigures> items = CouponType.<CouponType>list("order by code").stream().map(t -> {
            Map<CouponStatus, Tally> of = byType.getOrDefault(t.id, Map.of());
            Tally redeemed = of.getOrDefault(CouponStatus.REDEEMED, none);
            return new CouponTypeFigures(t.id, t.code, t.name, t.kind, of.values().stream().mapToLong(Tally::count)
                    .sum(), of.getOrDefault(CouponStatus.ISSUED, none).count(), redeemed.count(),
                    of.getOrDefault(CouponStatus.EXPIRED, none).count(),
                    of.getOrDefault(CouponStatus.VOIDED, none).count(), new Money(redeemed.discount(), currency),
                    new Money(revenueByType.getOrDefault(t.id, 0L), currency));
        }).toList();
        return new CouponReport(items);
    }

    /**
     * Revenue of the orders that redeemed coupons of each type: every redeemed coupon carries its order's revenue,
     * so an order that used two coupons of one type is counted once.
     */
    @SuppressWarnings("unchecked")
    private Map<UUID, Long> revenueByType() {
        List<Object[]> rows = Coupon.getEntityManager().createNativeQuery("select coupon_type_id, sum(order_revenue)"
                        + " from (select distinct coupon_type_id, order_id, order_revenue from coupon"
                        + " where tenant_id = :tenant and status = 'REDEEMED') redeemed group by coupon_type_id")
                .setParameter("tenant", caller.tenantId()).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
    }

    private CouponType activeType(UUID id) {
        CouponType type = CouponType.<CouponType>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalidField("couponTypeId", "is not a coupon type of this chain"));
        if (!type.active) {
            throw ProblemException.invalidField("couponTypeId", "is archived; no more coupons of it are issued");
        }
        return type;
    }

    /** Of these customers, those holding a coupon of the type for the source reference already. */
    private static Set<UUID> held(UUID typeId, CouponSource source, String sourceRef, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Coupon.getEntityManager().createQuery("select customerId from Coupon where couponTypeId"
                        + " = :type and source = :source and sourceRef = :ref and customerId in :customers", UUID.class)
                .setParameter("type", typeId).setParameter("source", source).setParameter("ref", sourceRef)
                .setParameter("customers", customerIds).getResultList());
    }

    /**
     * A new coupon, valid from now for the type's days, or in its fixed window; a consultant's gift draws its face
     * value from her budget of the month first.
     */
    private Coupon newCoupon(CouponType type, UUID customerId, CouponSource source, String sourceRef, String note,
                             OffsetDateTime now) {
        Coupon coupon = new Coupon();
        coupon.id = Ids.newId();
        coupon.couponTypeId = type.id;
        coupon.customerId = customerId;
        coupon.status = CouponStatus.ISSUED;
        coupon.source = source;
        coupon.sourceRef = sourceRef;
        coupon.note = note;
        coupon.issuedBy = caller.userId();
        coupon.faceValue = type.faceValue;
        coupon.issuedAt = now;
        if (type.validDays != null) {
            coupon.validFrom = now;
            coupon.expiresAt = now.plusDays(type.validDays);
        } else {
            coupon.validFrom = type.validFrom == null ? now : type.validFrom;
            coupon.expiresAt = type.validUntil;
            if (!type.validUntil.isAfter(now)) {
                throw ProblemException.unprocessable("Coupons of " + type.name + " were valid until "
                        + type.validUntil + "; none can be issued any more");
            }
        }
        if (source == CouponSource.CONSULTANT_GIFT) {
            if (caller.staffId() == null) {
                throw ProblemException.forbidden("Only a staff member gives coupons from a gift budget");
            }
            coupon.giftStaffId = caller.staffId();
            coupon.giftMonth = budgets.monthOf(now);
            budgets.draw(coupon.giftStaffId, coupon.giftMonth, coupon.faceValue);
        }
        coupon.updatedAt = now;
        coupon.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("couponTypeId", type.id);
        details.put("customerId", customerId);
        details.put("source", source);
        details.put("sourceRef", sourceRef);
        details.put("faceValue", coupon.faceValue);
        details.put("expiresAt", coupon.expiresAt);
        audit.record("coupon.issued", "coupon", coupon.id, details);
        return coupon;
    }

    private void voidOne(Coupon coupon, String reason, OffsetDateTime now) {
        coupon.status = CouponStatus.VOIDED;
        coupon.voidedAt = now;
        coupon.voidReason = reason;
        coupon.updatedAt = now;
        coupon.persistAndFlush();
        if (coupon.giftStaffId != null) {
            budgets.giveBack(coupon.giftStaffId, coupon.giftMonth, coupon.faceValue);
        }
        audit.record("coupon.voided", "coupon", coupon.id, Map.of("reason", reason, "faceValue", coupon.faceValue));
    }

    private static Coupon find(UUID id) {
        return Coupon.<Coupon>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Coupon"));
    }

    private static Map<UUID, CouponType> typesOf(List<Coupon> coupons) {
        Set<UUID> ids = coupons.stream().map(c -> c.couponTypeId).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : CouponType.<CouponType>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t));
    }

    /** The customer filters as sent, for the audit log and as part of what an Idempotency-Key stands for. */
    private static Map<String, String> describe(CustomerFilterParams f) {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("q", f.q);
        sent.put("status", f.status);
        sent.put("tag", f.tag);
        sent.put("ownerId", f.ownerId);
        sent.put("source", f.source);
        sent.put("clinicId", f.clinicId);
        sent.put("birthdayMonth", f.birthdayMonth);
        sent.put("lastVisitFrom", f.lastVisitFrom);
        sent.put("lastVisitTo", f.lastVisitTo);
        sent.values().removeIf(v -> v == null || v.isEmpty());
        return sent;
    }

    static CouponView view(Coupon c, CouponType type, String currency) {
        return new CouponView(c.id, c.couponTypeId, type.name, type.kind, c.customerId, c.status, c.source,
                c.sourceRef, c.note, c.issuedBy, c.giftStaffId, new Money(c.faceValue, currency), c.issuedAt,
                c.validFrom, c.expiresAt, c.orderId, c.redeemedAt, new Money(c.discount, currency), c.expiredAt,
                c.voidedAt, c.voidReason, c.version);
    }
}
