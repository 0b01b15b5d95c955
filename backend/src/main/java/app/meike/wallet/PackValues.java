package app.meike.wallet;

import app.meike.common.MoneySplit;

import java.math.BigInteger;
import java.util.Arrays;

/** What a pack's sessions are worth, in minor units; pure, so the rules can be tested on their own. */
final class PackValues {
    private PackValues() {
    }

    /**
     * The value of `used` of an item's `sessions`, bought together for `paid`: paid x used / sessions rounded down,
     * so a refund of the rest rounds in the customer's favour. As a running share of the whole it adds up exactly:
     * the value of all sessions is what was paid.
     */
    static long usedValue(long paid, int used, int sessions) {
        if (paid < 0 || used < 0 || used > sessions) {
            throw new IllegalArgumentException(used + " of " + sessions + " sessions paid " + paid);
        }
        return BigInteger.valueOf(paid).multiply(BigInteger.valueOf(used)).divide(BigInteger.valueOf(sessions))
                .longValueExact();
    }

    /** What is left of the paid value once `used` sessions are taken: what a refund returns for the item. */
    static long unusedValue(long paid, int used, int sessions) {
        return paid - usedValue(paid, used, sessions);
    }

    /** The value one more session takes when `used` were taken before (and a reversal of it gives back). */
    static long sessionValue(long paid, int usedBefore, int sessions) {
        return usedValue(paid, usedBefore + 1, sessions) - usedValue(paid, usedBefore, sessions);
    }

    /**
     * What each pack of a line paid per item: the line's net split equally over its `quantity` packs, each pack's
     * part split over the items in proportion to the template's allocation of its price (largest remainder at both
     * steps, so everything adds up to the net exactly). Answers [pack][item].
     */
    static long[][] paidValues(long net, int quantity, long[] allocation) {
        long[] ones = new long[quantity];
        Arrays.fill(ones, 1);
        long[] perPack = MoneySplit.byWeights(net, ones);
        long[][] values = new long[quantity][];
        for (int unit = 0; unit < quantity; unit++) {
            values[unit] = MoneySplit.byWeights(perPack[unit], allocation);
        }
        return values;
    }
}
