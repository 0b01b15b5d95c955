package app.meike.common;

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
}
