package app.meike.engagement.coupon;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.order.OrderEvents.OrderRefunded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Coupons on orders. Applying a coupon to a draft reserves nothing; the payment that redeems it takes the coupon's
 * row lock and finds it ISSUED, or fails with 409, so of many drafts carrying one coupon exactly one is paid. A
 * partial refund leaves the coupon redeemed (its discount is not money and is not paid back); a full refund gives
 * the coupon back to the customer, usable again until it expires.
 */
@ApplicationScoped
public class CouponRedemptions implements CouponsForOrders {
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Override
    public List<CouponDiscount> price(UUID customerId, List<UUID> couponIds, List<DraftLine> lines) {
        if (couponIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, Coupon> coupons = Coupon.<Coupon>list("id in ?1", Set.copyOf(couponIds)).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, CouponType> types = CouponType.<CouponType>list("id in ?1", coupons.values().stream()
                .map(c -> c.couponTypeId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        OffsetDateTime now = Clocks.now(clock);
        long[] left = lines.stream().mapToLong(DraftLine::left).toArray();
        List<FieldError> errors = new ArrayList<>();
        List<CouponDiscount> priced = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < couponIds.size(); i++) {
            String field = "couponIds[" + i + "]";
            Coupon coupon = coupons.get(couponIds.get(i));
            if (coupon == null || !coupon.customerId.equals(customerId)) {
                errors.add(new FieldError(field, "is not a coupon of this customer"));
                continue;
            }
            if (!seen.add(coupon.id)) {
                errors.add(new FieldError(field, "is named twice"));
                continue;
            }
            String unusable = unusable(coupon, now);
            if (unusable != null) {
                errors.add(new FieldError(field, unusable));
                continue;
            }
            CouponType type = types.get(coupon.couponTypeId);
            if (type.stacking == CouponStacking.EXCLUSIVE && couponIds.size() > 1) {
                errors.add(new FieldError(field, "cannot be combined with other coupons"));
                continue;
            }
            CouponPricing.Priced result = CouponPricing.price(type, lines, left);
            if (result.refusal() != null) {
                errors.add(new FieldError(field, result.refusal()));
                continue;
            }
            Map<Integer, Long> byLine = new LinkedHashMap<>();
            for (int l = 0; l < lines.size(); l++) {
                left[l] -= result.byLine()[l];
                if (result.byLine()[l] > 0) {
                    byLine.put(lines.get(l).lineNo(), result.byLine()[l]);
                }
            }
            priced.add(new CouponDiscount(coupon.id, result.total(), byLine));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return priced;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepOnDraft(UUID orderId, List<CouponDiscount> applied) {
        releaseDraft(orderId);
        for (int i = 0; i < applied.size(); i++) {
            CouponApplication application = new CouponApplication();
            application.key = new CouponApplication.Key(orderId, applied.get(i).couponId());
            application.position = (short) (i + 1);
            application.discount = applied.get(i).discount();
            application.persist();
        }
    }

    @Override
    public List<UUID> onDraft(UUID orderId) {
        return applicationsOf(List.of(orderId)).stream().map(a -> a.key.couponId()).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeemForOrder(UUID orderId, long orderTotal, OffsetDateTime paidAt) {
        for (CouponApplication application : applicationsOf(List.of(orderId))) {
            Coupon coupon = Coupon.<Coupon>findByIdOptional(application.key.couponId(),
                    LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("Coupon"));
            String unusable = unusable(coupon, paidAt);
            if (unusable != null) {
                throw ProblemException.conflict("Coupon " + coupon.id + " " + unusable
                        + "; take it off the order and price it again");
            }
            coupon.status = CouponStatus.REDEEMED;
            coupon.orderId = orderId;
            coupon.redeemedAt = paidAt;
            coupon.discount = application.discount;
            coupon.orderRevenue = orderTotal;
            coupon.updatedAt = paidAt;
            coupon.persist();
            audit.record("coupon.redeemed", "coupon", coupon.id, Map.of("orderId", orderId,
                    "discount", application.discount));
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseDraft(UUID orderId) {
        applicationsOf(List.of(orderId)).forEach(a -> a.delete());
        CouponApplication.flush();
    }

    @Override
    public Map<UUID, List<AppliedCoupon>> appliedTo(Collection<UUID> orderIds) {
        List<CouponApplication> applications = applicationsOf(orderIds);
        if (applications.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Coupon> coupons = Coupon.<Coupon>list("id in ?1", applications.stream().map(a -> a.key.couponId())
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, CouponType> types = CouponType.<CouponType>list("id in ?1", coupons.values().stream()
                .map(c -> c.couponTypeId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        return applications.stream().collect(Collectors.groupingBy(a -> a.key.orderId(), LinkedHashMap::new,
                Collectors.mapping(a -> {
                    CouponType type = types.get(coupons.get(a.key.couponId()).couponTypeId);
                    return new AppliedCoupon(a.key.couponId(), type.id, type.name, type.kind, a.discount);
                }, Collectors.toList())));
    }

    /**
     * A refund takes its worth off the revenue the order's coupons are credited with; a full refund gives the
     * coupons back (or lets them lapse, when they expired meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onRefund(@Observes OrderRefunded refund) {
        List<Coupon> used = Coupon.<Coupon>find("orderId = ?1", refund.orderId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        OffsetDateTime now = refund.refundedAt();
        for (Coupon coupon : used) {
            coupon.orderRevenue = Math.max(0, coupon.orderRevenue - refund.amount());
            coupon.updatedAt = now;
            if (refund.fullyRefunded()) {
                coupon.status = now.isBefore(coupon.expiresAt) ? CouponStatus.ISSUED : CouponStatus.EXPIRED;
                coupon.expiredAt = coupon.status == CouponStatus.EXPIRED ? coupon.expiresAt : null;
                coupon.orderId = null;
                coupon.redeemedAt = null;
                coupon.discount = 0;
                coupon.orderRevenue = 0;
                audit.record("coupon.given-back", "coupon", coupon.id, Map.of("orderId", refund.orderId(),
                        "refundId", refund.refundId(), "status", coupon.status));
            }
            coupon.persist();
        }
    }

    /** Why the coupon cannot be used at this time; null when it can. */
    private static String unusable(Coupon coupon, OffsetDateTime at) {
        if (coupon.status != CouponStatus.ISSUED) {
            return "is " + coupon.status;
        }
        if (at.isBefore(coupon.validFrom)) {
            return "is valid from " + coupon.validFrom;
        }
        if (!at.isBefore(coupon.expiresAt)) {
            return "expired at " + coupon.expiresAt;
        }
        return null;
    }

    private static List<CouponApplication> applicationsOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return CouponApplication.<CouponApplication>list("key.orderId in ?1 order by key.orderId, position",
                Set.copyOf(orderIds));
    }
}
