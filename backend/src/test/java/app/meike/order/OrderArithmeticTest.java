package app.meike.order;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sums refunds rely on: no fen appears or disappears, whatever the amounts and however a refund is split. */
class OrderArithmeticTest {
    @Property
    void aProRataSplitAddsUpAndStaysWithinEveryCapacity(
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 100_000_000_000L) Long> capacities,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        long[] caps = capacities.stream().mapToLong(Long::longValue).toArray();
        long sum = capacities.stream().mapToLong(Long::longValue).sum();
        long total = BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(permille))
                .divide(BigDecimal.valueOf(1000), java.math.RoundingMode.DOWN).longValue();
        long[] shares = OrderArithmetic.proRata(total, caps);
        long given = 0;
        for (int i = 0; i < caps.length; i++) {
            assertThat(shares[i]).isBetween(0L, caps[i]);
            given += shares[i];
        }
        assertThat(given).isEqualTo(total);
    }

    @Property
    void runningSharesOfRefundsAddUpToTheWholeWhenEverythingIsRefunded(
            @ForAll @LongRange(min = 0, max = 10_000_000) long whole,
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 1, max = 10_000_000) Long> refunds) {
        long of = refunds.stream().mapToLong(Long::longValue).sum();
        long refunded = 0;
        long taken = 0;
        for (long refund : refunds) {
            refunded += refund;
            long step = OrderArithmetic.share(whole, refunded, of) - taken;
            assertThat(step).isNotNegative();
            taken += step;
        }
        assertThat(taken).isEqualTo(whole);
    }
}
