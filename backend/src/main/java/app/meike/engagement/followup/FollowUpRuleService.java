package app.meike.engagement.followup;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRuleCreate;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRulePatch;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRuleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The chain's follow-up rules (tenant admin). Rules are disabled, never deleted: their tasks keep naming them. */
@ApplicationScoped
public class FollowUpRuleService {
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public Page<FollowUpRuleView> list(FollowUpTrigger trigger, Boolean enabled, PageRequest page) {
        Filter filter = new Filter()
                .and("trigger = :trigger", "trigger", trigger)
                .and("enabled = :enabled", "enabled", enabled)
                .and("id > :after", "after", page.after());
        List<FollowUpRule> rows = FollowUpRule.<FollowUpRule>find(filter.where() + " order by id", filter.params())
                .page(0, page.fetchSize()).list();
        return page.page(rows, r -> r.id, FollowUpRuleService::view);
    }

    public FollowUpRuleView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public FollowUpRuleView create(FollowUpRuleCreate request) {
        if (request.category() != null && request.trigger() != FollowUpTrigger.AFTER_TREATMENT) {
            throw ProblemException.invalidField("category", "only a rule AFTER_TREATMENT has a category");
        }
        requireNew(request);
        OffsetDateTime now = Clocks.now(clock);
        FollowUpRule rule = new FollowUpRule();
        rule.id = Ids.newId();
        rule.trigger = request.trigger();
        rule.category = request.category();
        rule.days = request.days();
        rule.title = request.title().strip();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.createdAt = now;
        rule.updatedAt = now;
        rule.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", rule.trigger);
        details.put("category", rule.category);
        details.put("days", rule.days);
        details.put("enabled", rule.enabled);
        audit.record("follow-up-rule.created", "settings", rule.id, details);
        return view(rule);
    }

    @Transactional
    public FollowUpRuleView update(UUID id, String ifMatch, FollowUpRulePatch patch) {
        if (patch.days == null && patch.title == null && patch.enabled == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        FollowUpRule rule = find(id);
        Versions.requireMatch(ifMatch, rule.version);
        Changes changes = new Changes();
        // Checked before anything changes: the query would flush a change, and count as a second version.
        if (patch.days != null && patch.days.get() != rule.days && FollowUpRule.count("trigger = ?1 and category"
                + " is not distinct from ?2 and days = ?3", rule.trigger, rule.category, patch.days.get()) > 0) {
            throw ProblemException.conflict("The chain already has this rule");
        }
        if (patch.days != null && changes.track("days", rule.days, patch.days.get())) {
            rule.days = patch.days.get();
        }
        if (patch.title != null && changes.track("title", rule.title, patch.title.get().strip())) {
            rule.title = patch.title.get().strip();
        }
        if (patch.enabled != null && changes.track("enabled", rule.enabled, patch.enabled.get())) {
            rule.enabled = patch.enabled.get();
        }
        if (!changes.isEmpty()) {
            rule.updatedAt = Clocks.now(clock);
            rule.persistAndFlush();
            audit.record("follow-up-rule.updated", "settings", rule.id, changes.asMap());
        }
        return view(rule);
    }

    /** The chain's enabled rules of a trigger: what the daily run and the event handlers apply. */
    List<FollowUpRule> enabled(FollowUpTrigger trigger) {
        return FollowUpRule.list("trigger = ?1 and enabled = true order by id", trigger);
    }

    private static void requireNew(FollowUpRuleCreate request) {
        if (FollowUpRule.count("trigger = ?1 and category is not distinct from ?2 and days = ?3", request.trigger(),
                request.category(), request.days()) > 0) {
            throw ProblemException.conflict("The chain already has this rule");
        }
    }

    private static FollowUpRule find(UUID id) {
        return FollowUpRule.<FollowUpRule>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Follow-up rule"));
    }

    private static FollowUpRuleView view(FollowUpRule r) {
        return new FollowUpRuleView(r.id, r.trigger, r.category, r.days, r.title, r.enabled, r.createdAt,
                r.updatedAt, r.version);
    }
}
