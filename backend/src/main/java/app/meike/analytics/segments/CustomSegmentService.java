package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.CustomSegmentInput;
import app.meike.analytics.segments.SegmentDtos.CustomSegmentView;
import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The chain's saved segments: named filters, changed under If-Match, every change audited. */
@ApplicationScoped
public class CustomSegmentService {
    /** More saved segments than this is a list nobody reads; each one is counted on the segments page. */
    static final int MAX_SEGMENTS = 100;

    @Inject
    Caller caller;
    @Inject
    SegmentQueries queries;
    @Inject
    SegmentRulesService rules;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public List<CustomSegmentView> list() {
        return all().stream().map(CustomSegmentService::view).toList();
    }

    List<CustomSegment> all() {
        return CustomSegment.<CustomSegment>find("order by lower(name), id").list();
    }

    public CustomSegmentView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public CustomSegmentView create(CustomSegmentInput input) {
        queries.validate(input.filters(), rules.currency());
        String name = input.name().trim();
        requireNameFree(name, null);
        if (CustomSegment.count() >= MAX_SEGMENTS) {
            throw ProblemException.unprocessable("The chain has " + MAX_SEGMENTS + " saved segments already; delete"
                    + " one first");
        }
        OffsetDateTime now = Clocks.now(clock);
        CustomSegment segment = new CustomSegment();
        segment.id = Ids.newId();
        segment.name = name;
        segment.description = Strings.blankToNull(input.description());
        segment.filters = input.filters();
        segment.createdBy = caller.userId();
        segment.createdAt = now;
        segment.updatedAt = now;
        segment.persistAndFlush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("name", segment.name);
        created.put("filters", segment.filters);
        audit.record("segment.created", "segment", segment.id, created);
        return view(segment);
    }

    @Transactional
    public CustomSegmentView update(UUID id, String ifMatch, CustomSegmentInput input) {
        CustomSegment segment = find(id);
        Versions.requireMatch(ifMatch, segment.version);
        queries.validate(input.filters(), rules.currency());
        String name = input.name().trim();
        requireNameFree(name, id);
        Changes changes = new Changes();
        String description = Strings.blankToNull(input.description());
        if (changes.track("name", segment.name, name)) {
            segment.name = name;
        }
        if (changes.track("description", segment.description, description)) {
            segment.description = description;
        }
        if (changes.track("filters", segment.filters, input.filters())) {
            segment.filters = input.filters();
        }
        if (!changes.isEmpty()) {
            segment.updatedAt = Clocks.now(clock);
            segment.persistAndFlush();
            audit.record("segment.updated", "segment", segment.id, changes.asMap());
        }
        return view(segment);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        CustomSegment segment = find(id);
        Versions.requireMatch(ifMatch, segment.version);
        segment.delete();
        audit.record("segment.deleted", "segment", segment.id, Map.of("name", segment.name));
    }

    static CustomSegment find(UUID id) {
        return CustomSegment.<CustomSegment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Segment"));
    }

    private static void requireNameFree(String name, UUID except) {
        CustomSegment.<CustomSegment>find("lower(name) = lower(?1)", name).firstResultOptional()
                .filter(other -> !other.id.equals(except))
                .ifPresent(other -> {
                    throw ProblemException.conflict("A segment named '" + name + "' exists already");
                });
    }

    private static CustomSegmentView view(CustomSegment s) {
        return new CustomSegmentView(s.id, s.name, s.description, s.filters, s.createdBy, s.createdAt, s.updatedAt,
                s.version);
    }
}
