package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentCount;
import app.meike.analytics.segments.SegmentDtos.SegmentCounts;
import app.meike.analytics.segments.SegmentDtos.SegmentFilters;
import app.meike.analytics.segments.SegmentDtos.SegmentKind;
import app.meike.analytics.segments.SegmentDtos.SegmentMember;
import app.meike.analytics.segments.SegmentDtos.SegmentMembers;
import app.meike.analytics.segments.SegmentDtos.TierRef;
import app.meike.analytics.segments.SegmentQueries.MemberRow;
import app.meike.analytics.segments.SegmentQueries.Position;
import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.customer.PhoneNumbers;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Segments as the member-analytics page reads them: counts, members page by page, a preview of filters. */
@ApplicationScoped
public class SegmentService {
    private static final String CURSOR_PREFIX = "m1:";

    @Inject
    SegmentQueries queries;
    @Inject
    SegmentRulesService rules;
    @Inject
    CustomSegmentService customSegments;
    @Inject
    CustomerService customers;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** A segment named in a path: a built-in by name (HIGH_VALUE) or a saved segment by id. */
    record Segment(String key, String name, BuiltInSegment builtIn, SegmentFilters filters) {
        Filter where(SegmentQueries queries, UUID clinicId, OffsetDateTime at) {
            return queries.where(builtIn, filters, clinicId, at);
        }
    }

    Segment resolve(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('-', '_');
        for (BuiltInSegment builtIn : BuiltInSegment.values()) {
            if (builtIn.name().equals(upper)) {
                return new Segment(builtIn.name(), builtIn.name(), builtIn, null);
            }
        }
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Segment");
        }
        CustomSegment custom = CustomSegmentService.find(id);
        return new Segment(custom.id.toString(), custom.name, null, custom.filters);
    }

    /** Every built-in segment and every saved one with its member count now, within the caller's clinics. */
    @Transactional
    public SegmentCounts counts(UUID clinicId) {
        clinics.requireClinic("clinicId", clinicId);
        OffsetDateTime now = Clocks.now(clock);
        List<SegmentCount> items = new ArrayList<>();
        queries.countBuiltIns(clinicId, now).forEach((builtIn, count) ->
                items.add(new SegmentCount(builtIn.name(), SegmentKind.BUILT_IN, builtIn.name(), count)));
        for (CustomSegment custom : customSegments.all()) {
            items.add(new SegmentCount(custom.id.toString(), SegmentKind.CUSTOM, custom.name,
                    queries.count(queries.where(null, custom.filters, clinicId, now), now)));
        }
        return new SegmentCounts(clinicId, now, items);
    }

    @Transactional
    public SegmentMembers members(String key, UUID clinicId, int limit, String cursor) {
        Segment segment = resolve(key);
        return page(segment, clinicId, limit, cursor);
    }

    /** The members filters would have, without saving them. */
    @Transactional
    public SegmentMembers preview(SegmentFilters filters, UUID clinicId, int limit, String cursor) {
        queries.validate(filters, rules.currency());
        return page(new Segment("preview", "preview", null, filters), clinicId, limit, cursor);
    }

    private SegmentMembers page(Segment segment, UUID clinicId, int limit, String cursor) {
        clinics.requireClinic("clinicId", clinicId);
        Position after = decode(cursor);
        OffsetDateTime now = Clocks.now(clock);
        long total = queries.count(segment.where(queries, clinicId, now), now);
        List<MemberRow> rows = queries.page(segment.where(queries, clinicId, now), now, after, limit + 1);
        boolean more = rows.size() > limit;
        List<MemberRow> shown = more ? rows.subList(0, limit) : rows;
        boolean masked = customers.phonesMasked();
        List<SegmentMember> items = members(shown, masked);
        if (!masked) {
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("segment", segment.key());
            read.put("clinicId", clinicId);
            read.put("rows", items.size());
            audit.record("segment.members-read", "customer-list", Ids.newId(), read);
        }
        return new SegmentMembers(total, items, more ? encode(shown.get(shown.size() - 1)) : null);
    }

    List<SegmentMember> members(List<MemberRow> rows, boolean masked) {
        Map<UUID, String> clinicNames = clinics.names(rows.stream().map(MemberRow::homeClinicId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, String> owners = staff.displayNames(rows.stream().map(MemberRow::ownerStaffId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        String currency = rules.currency();
        return rows.stream().map(r -> new SegmentMember(r.id(), r.name(),
                masked ? PhoneNumbers.mask(r.phone()) : r.phone(), masked,
                r.tierId() == null ? null : new TierRef(r.tierId(), r.tierName()), r.memberYear(),
                r.spend() == null ? null : new Money(r.spend(), currency), r.visits(), r.items(), r.score(),
                r.lastVisitAt(), r.homeClinicId(), r.homeClinicId() == null ? null : clinicNames.get(r.homeClinicId()),
                r.ownerStaffId(), r.ownerStaffId() == null ? null : owners.get(r.ownerStaffId()))).toList();
    }

    private static String encode(MemberRow last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + last.sortScore() + "/"
                + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int split = raw.indexOf('/');
            if (raw.startsWith(CURSOR_PREFIX) && split > 0) {
                return new Position(Integer.parseInt(raw.substring(CURSOR_PREFIX.length(), split)),
                        UUID.fromString(raw.substring(split + 1)));
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this API issued");
    }
}
