package app.meike.support;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The app's clock for a test that needs time to pass: the real time moved on by what the test advanced it.
 * Installed for the current test only (QuarkusMock), so other tests keep the real clock.
 */
public final class TestClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    private TestClock() {
    }

    public static TestClock install() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
