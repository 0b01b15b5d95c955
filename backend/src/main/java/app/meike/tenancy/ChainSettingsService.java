package app.meike.tenancy;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.tenancy.ChainSettingsDtos.ChainSettingsPatch;
import app.meike.tenancy.ChainSettingsDtos.ChainSettingsView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;

/** The caller's chain's settings, read once per request (lists derive every customer's status from them). */
@RequestScoped
public class ChainSettingsService {
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    private ChainSettings current;

    public ChainSettingsView get() {
        ChainSettings s = settings();
        return new ChainSettingsView(s.churnWindowDays, s.updatedAt, s.version);
    }

    /** A customer with no visit for this long has churned. */
    public Duration churnWindow() {
        return Duration.ofDays(settings().churnWindowDays);
    }

    @Transactional
    public ChainSettingsView update(String ifMatch, ChainSettingsPatch patch) {
        if (patch.churnWindowDays == null) {
            throw ProblemException.invalidField("body", "send at least one setting to change");
        }
        ChainSettings s = settings();
        Versions.requireMatch(ifMatch, s.version);
        Changes changes = new Changes();
        if (changes.track("churnWindowDays", s.churnWindowDays, patch.churnWindowDays.get())) {
            s.churnWindowDays = patch.churnWindowDays.get();
            s.updatedAt = Clocks.now(clock);
            s.persistAndFlush();
            audit.record("settings.updated", "settings", s.id, changes.asMap());
        }
        return get();
    }

    private ChainSettings settings() {
        if (current == null) {
            current = ChainSettings.<ChainSettings>findAll().firstResultOptional()
                    .orElseThrow(() -> new IllegalStateException("The chain has no settings row"));
        }
        return current;
    }
}
