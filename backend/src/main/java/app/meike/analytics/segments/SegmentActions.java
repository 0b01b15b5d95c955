package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentActionResult;
import app.meike.analytics.segments.SegmentDtos.SegmentCouponIssue;
import app.meike.analytics.segments.SegmentDtos.SegmentFollowUps;
import app.meike.analytics.segments.SegmentDtos.SkipReason;
import app.meike.analytics.segments.SegmentDtos.Skipped;
import app.meike.analytics.segments.SegmentService.Segment;
import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.problem.ProblemException;
import app.meike.engagement.coupon.CouponDtos.CouponBulkIssue;
import app.meike.engagement.coupon.CouponDtos.CouponBulkResult;
import app.meike.engagement.coupon.CouponService;
import app.meike.engagement.coupon.CouponSource;
import app.meike.engagement.followup.FollowUpTaskService;
import app.meike.engagement.followup.FollowUpTaskService.BulkOpening;
import app.meike.identity.Caller;
import app.meike.integration.IdempotencyKeys;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk actions on a segment's members as they are now, through the coupon and follow-up features, once per
 * Idempotency-Key (a replay answers the first result and issues nothing). A segment larger than BULK_LIMIT is a 422
 * naming its size: narrow it (a clinic, a custom segment) and act in parts.
 */
@ApplicationScoped
public class SegmentActions {
    static final int BULK_LIMIT = 5000;

    @Inject
    SegmentService segments;
    @Inject
    SegmentQueries queries;
    @Inject
    ClinicService clinics;
    @Inject
    CouponService coupons;
    @Inject
    FollowUpTaskService followUps;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    TenantService tenants;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public SegmentActionResult issueCoupons(String key, UUID clinicId, String idempotencyKey,
                                            SegmentCouponIssue request) {
        Segment segment = segments.resolve(key);
        clinics.requireClinic("clinicId", clinicId);
        CouponBulkResult result = coupons.issueToSegment(idempotencyKey, described(segment, clinicId),
                new CouponBulkIssue(request.couponTypeId(), CouponSource.CAMPAIGN, request.campaign(),
                        request.note()), () -> members(segment, clinicId));
        return new SegmentActionResult(segment.key(), result.matched(), result.issued(),
                List.of(new Skipped(SkipReason.ALREADY_ISSUED, result.skipped())));
    }

    @Transactional
    public SegmentActionResult createFollowUps(String key, UUID clinicId, String idempotencyKey,
                                               SegmentFollowUps request) {
        Segment segment = segments.resolve(key);
        clinics.requireClinic("clinicId", clinicId);
        Map<String, Object> described = described(segment, clinicId);
        return idempotency.once(idempotencyKey, "segment.follow-ups:" + described, request,
                SegmentActionResult.class, () -> {
                    LocalDate today = Clocks.now(clock).atZoneSameInstant(ZoneId.of(tenants.timeZoneOf(
                            caller.tenantId()))).toLocalDate();
                    LocalDate due = request.dueDate() == null ? today : request.dueDate();
                    if (due.isBefore(today)) {
                        throw ProblemException.invalidField("dueDate", "must not be before today");
                    }
                    List<UUID> matched = members(segment, clinicId);
                    BulkOpening opening = followUps.openForEach(request.ruleId(), request.campaign().trim(), due,
                            matched);
                    Map<String, Object> details = new LinkedHashMap<>(described);
                    details.put("ruleId", request.ruleId());
                    details.put("campaign", request.campaign().trim());
                    details.put("dueDate", due);
                    details.put("matched", matched.size());
                    details.put("opened", opening.opened());
                    details.put("alreadyOpened", opening.alreadyOpened());
                    audit.record("segment.follow-ups-created", "follow-up-rule", request.ruleId(), details);
                    return new SegmentActionResult(segment.key(), matched.size(), opening.opened(),
                            List.of(new Skipped(SkipReason.ALREADY_HAS_TASK, opening.alreadyOpened())));
                }).result();
    }

    private List<UUID> members(Segment segment, UUID clinicId) {
        OffsetDateTime now = Clocks.now(clock);
        List<UUID> ids = queries.ids(segment.where(queries, clinicId, now), now, BULK_LIMIT + 1);
        if (ids.size() > BULK_LIMIT) {
            long count = queries.count(segment.where(queries, clinicId, now), now);
            throw ProblemException.unprocessable("The segment has " + count + " members, more than " + BULK_LIMIT
                    + " at once; narrow it (a clinic, a custom segment) and act in parts");
        }
        return ids;
    }

    private static Map<String, Object> described(Segment segment, UUID clinicId) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("segment", segment.key());
        if (clinicId != null) {
            described.put("clinicId", clinicId);
        }
        return described;
    }
}
