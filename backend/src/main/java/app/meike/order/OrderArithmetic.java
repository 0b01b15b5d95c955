package app.meike.order;

import app.meike.common.MoneySplit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** The sums of orders and refunds, in minor units; pure, so the rules can be tested on their own. */
final class OrderArithmetic {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderArithmetic() {
    }

    /** A percentage of an amount, rounded half up to the minor unit. */
    static long percentOf(long amount, BigDecimal percent) {
        return BigDecimal.valueOf(amount).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * `whole` x `part` / `of`, rounded half up: the running share of a whole (points earned, points a tender took)
     * that belongs to the part of the order refunded so far. Taking the running share minus what earlier refunds
     * took means the shares of all refunds add up to the whole exactly when everything is refunded.
     */
    static long share(long whole, long part, long of) {
        if (of == 0) {
            return 0;
        }
        return new BigDecimal(BigInteger.valueOf(whole).multiply(BigInteger.valueOf(part)))
                .divide(BigDecimal.valueOf(of), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * Splits `total` over places in proportion to what each can still take (largest remainder), never more than
     * a place's capacity. The capacities must add up to at least the total; then no proportional share rounded up
     * can pass its capacity.
     */
    static long[] proRata(long total, long[] capacities) {
        long sum = 0;
        for (long c : capacities) {
            sum += c;
        }
        if (total > sum) {
            throw new IllegalArgumentException("Cannot split " + total + " over capacities adding up to " + sum);
        }
        return MoneySplit.byWeights(total, capacities);
    }
}
