package app.meike.common;

import java.math.BigInteger;
import java.util.Arrays;

/** Splitting an amount of minor units into parts that add up to it exactly; never floating point. */
public final class MoneySplit {
    private MoneySplit() {
    }

    /**
     * Splits `total` in proportion to the weights by the largest remainder method: every part is the proportional
     * share rounded down, and the minor units left over go one each to the parts with the largest remainders
     * (the earlier part on a tie). So the parts add up to the total and each is within one minor unit of its
     * proportional share. Weights that are all zero count as equal.
     */
    public static long[] byWeights(long total, long[] weights) {
        if (total < 0 || (weights.length == 0 && total > 0)) {
            throw new IllegalArgumentException("Cannot split " + total + " over " + weights.length + " parts");
        }
        long[] used = Arrays.stream(weights).allMatch(w -> w == 0) ? filledWithOnes(weights.length) : weights;
        BigInteger sum = BigInteger.ZERO;
        for (long w : used) {
            if (w < 0) {
                throw new IllegalArgumentException("Weights are never negative: " + w);
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        long[] parts = new long[used.length];
        BigInteger[] remainders = new BigInteger[used.length];
        long left = total;
        for (int i = 0; i < used.length; i++) {
            BigInteger[] split = BigInteger.valueOf(total).multiply(BigInteger.valueOf(used[i])).divideAndRemainder(sum);
            parts[i] = split[0].longValueExact();
            remainders[i] = split[1];
            left -= parts[i];
        }
        Integer[] order = new Integer[used.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
        for (int i = 0; i < left; i++) {
            parts[order[i]]++;
        }
        return parts;
    }

    private static long[] filledWithOnes(int length) {
        long[] ones = new long[length];
        Arrays.fill(ones, 1);
        return ones;
    }
}
