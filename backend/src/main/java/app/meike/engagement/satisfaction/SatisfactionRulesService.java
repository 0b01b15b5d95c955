package app.meike.engagement.satisfaction;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Versions;
import app.meike.engagement.satisfaction.Complaint.Severity;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionRulesUpdate;
import app.meike.engagement.satisfaction.SatisfactionDtos.SatisfactionRulesView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SlaHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The chain's satisfaction rules, replaced whole by the tenant admin under If-Match (version 0 before the first).
 * Until then the defaults hold: a score of 2 or less or an NPS of 6 or less (a detractor) is low, links live 72 hours,
 * complaints are due in 24 / 48 / 72 hours by severity.
 */
@ApplicationScoped
public class SatisfactionRulesService {
    /** The rules in force: the chain's, or the defaults. */
    record Rules(int lowScoreMax, int lowNpsMax, int linkValidHours, int slaHoursHigh, int slaHoursMedium,
                 int slaHoursLow) {
        static final Rules DEFAULTS = new Rules(2, 6, 72, 24, 48, 72);

        Duration sla(Severity severity) {
            return Duration.ofHours(switch (severity) {
                case HIGH -> slaHoursHigh;
                case MEDIUM -> slaHoursMedium;
                case LOW -> slaHoursLow;
            });
        }
    }

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public SatisfactionRulesView get() {
        return stored().map(this::view).orElseGet(() -> view(Rules.DEFAULTS, false, null, 0));
    }

    Rules inForce() {
        return stored().map(SatisfactionRulesService::rules).orElse(Rules.DEFAULTS);
    }

    @Transactional
    public SatisfactionRulesView update(String ifMatch, SatisfactionRulesUpdate update) {
        OffsetDateTime now = Clocks.now(clock);
        SatisfactionRules row = stored().orElse(null);
        Versions.requireMatch(ifMatch, row == null ? 0 : served(row));
        Rules before = row == null ? Rules.DEFAULTS : rules(row);
        boolean created = row == null;
        if (created) {
            row = new SatisfactionRules();
            row.id = Ids.newId();
            row.createdAt = now;
        }
        Changes changes = new Changes();
        changes.track("lowScoreMax", before.lowScoreMax(), update.lowScoreMax());
        changes.track("lowNpsMax", before.lowNpsMax(), update.lowNpsMax());
        changes.track("linkValidHours", before.linkValidHours(), update.linkValidHours());
        changes.track("slaHours.high", before.slaHoursHigh(), update.slaHours().high());
        changes.track("slaHours.medium", before.slaHoursMedium(), update.slaHours().medium());
        changes.track("slaHours.low", before.slaHoursLow(), update.slaHours().low());
        // The first write stores the rules even when they equal the defaults: the chain has then chosen them.
        if (created || !changes.isEmpty()) {
            row.lowScoreMax = update.lowScoreMax();
            row.lowNpsMax = update.lowNpsMax();
            row.linkValidHours = update.linkValidHours();
            row.slaHoursHigh = update.slaHours().high();
            row.slaHoursMedium = update.slaHours().medium();
            row.slaHoursLow = update.slaHours().low();
            row.updatedAt = now;
            row.persistAndFlush();
            audit.record("satisfaction-rules.updated", "settings", row.id, changes.asMap());
        }
        return view(row);
    }

    private static Optional<SatisfactionRules> stored() {
        return SatisfactionRules.<SatisfactionRules>findAll().firstResultOptional();
    }

    private static Rules rules(SatisfactionRules r) {
        return new Rules(r.lowScoreMax, r.lowNpsMax, r.linkValidHours, r.slaHoursHigh, r.slaHoursMedium,
                r.slaHoursLow);
    }

    /** Version 0 means "no rules yet", so the row's versions are served one up: a second first write is a 412. */
    private static long served(SatisfactionRules row) {
        return row.version + 1;
    }

    private SatisfactionRulesView view(SatisfactionRules row) {
        return view(rules(row), true, row.updatedAt, served(row));
    }

    private SatisfactionRulesView view(Rules r, boolean configured, OffsetDateTime updatedAt, long version) {
        return new SatisfactionRulesView(configured, r.lowScoreMax(), r.lowNpsMax(), r.linkValidHours(),
                new SlaHours(r.slaHoursHigh(), r.slaHoursMedium(), r.slaHoursLow()), updatedAt, version);
    }
}
