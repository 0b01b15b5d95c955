package app.meike.common;

import app.meike.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** One clock for the app, replaceable in tests; timestamps at PostgreSQL's microsecond precision. */
@ApplicationScoped
public class Clocks {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The time a run (an expiry run) works as of: `asOf` when given, never after now (400 naming `asOf`), else now. */
    public static OffsetDateTime asOf(OffsetDateTime asOf, Clock clock) {
        OffsetDateTime now = now(clock);
        if (asOf != null && asOf.isAfter(now)) {
            throw ProblemException.invalidField("asOf", "must not be after now");
        }
        return asOf == null ? now : asOf;
    }
}
