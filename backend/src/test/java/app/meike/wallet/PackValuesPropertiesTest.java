package app.meike.wallet;

import app.meike.common.MoneySplit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of pack prices and values: every split adds up exactly, and no fen appears or disappears. */
class PackValuesPropertiesTest {
    @Property(tries = 1000)
    void aPriceSplitAddsUpExactlyAndEachPartIsWithinOneFenOfItsProportionalShare(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long price,
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 10_000_000_000L) Long> standalone) {
        long[] weights = standalone.stream().mapToLong(Long::longValue).toArray();
        long[] parts = MoneySplit.byWeights(price, weights);
        assertThat(Arrays.stream(parts).sum()).isEqualTo(price);
        long sum = Arrays.stream(weights).sum();
        for (int i = 0; i < parts.length; i++) {
            assertThat(parts[i]).isNotNegative();
            // With no standalone prices at all, the items share equally.
            BigDecimal exact = sum == 0 ? BigDecimal.valueOf(price).divide(BigDecimal.valueOf(parts.length), 10,
                    RoundingMode.HALF_UP) : new BigDecimal(BigInteger.valueOf(price).multiply(BigInteger.valueOf(weights[i])))
                    .divide(BigDecimal.valueOf(sum), 10, RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(parts[i]).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @Property(tries = 1000)
    void aLinesNetSplitsOverItsPacksAndTheirItemsExactly(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long net,
            @ForAll @IntRange(min = 1, max = 50) int quantity,
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 1_000_000_000L) Long> allocation) {
        long[][] paid = PackValues.paidValues(net, quantity, allocation.stream().mapToLong(Long::longValue).toArray());
        assertThat(paid).hasDimensions(quantity, allocation.size());
        long[] perPack = Arrays.stream(paid).mapToLong(p -> Arrays.stream(p).sum()).toArray();
        assertThat(Arrays.stream(perPack).sum()).isEqualTo(net);
        // Packs of one line differ by a fen at most.
        assertThat(Arrays.stream(perPack).max().getAsLong() - Arrays.stream(perPack).min().getAsLong())
                .isLessThanOrEqualTo(1);
    }

    @Property(tries = 1000)
    void theUsedAndTheRefundedValueOfAnItemAlwaysAddUpToWhatWasPaid(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long paid,
            @ForAll @IntRange(min = 1, max = 100) int sessions,
            @ForAll @IntRange(min = 0, max = 100) int used) {
        int taken = Math.min(used, sessions);
        long usedValue = PackValues.usedValue(paid, taken, sessions);
        long refunded = PackValues.unusedValue(paid, taken, sessions);
        assertThat(usedValue + refunded).isEqualTo(paid);
        assertThat(refunded).isBetween(0L, paid);
        // Rounding favours the customer: she gets back at least the proportional value of the unused sessions.
        assertThat(BigInteger.valueOf(refunded).multiply(BigInteger.valueOf(sessions)))
                .isGreaterThanOrEqualTo(BigInteger.valueOf(paid).multiply(BigInteger.valueOf(sessions - taken)));
        assertThat(refunded * sessions - paid * (sessions - taken)).isLessThan(sessions);
    }

    @Property(tries = 500)
    void redemptionsTakeRunningSharesThatAddUpToThePaidValue(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long paid,
            @ForAll @IntRange(min = 1, max = 100) int sessions) {
        long taken = 0;
        for (int used = 0; used < sessions; used++) {
            long session = PackValues.sessionValue(paid, used, sessions);
            assertThat(session).isNotNegative();
            taken += session;
            assertThat(taken).isEqualTo(PackValues.usedValue(paid, used + 1, sessions));
        }
        assertThat(taken).isEqualTo(paid);
    }
}
