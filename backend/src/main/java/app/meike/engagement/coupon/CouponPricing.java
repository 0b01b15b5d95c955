package app.meike.engagement.coupon;

import app.meike.common.MoneySplit;
import app.meike.engagement.coupon.CouponsForOrders.DraftLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What a coupon takes off an order's lines, in minor units; pure, so the rules can be tested on their own. */
final class CouponPricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CouponPricing() {
    }

    /** Per line (by index), what the coupon takes; or why it cannot apply. */
    record Priced(long[] byLine, String refusal) {
        long total() {
            long sum = 0;
            for (long d : byLine) {
                sum += d;
            }
            return sum;
        }
    }

    /**
     * Prices one coupon on what is `left` of each line (after tier discounts and earlier coupons). Cash and percent
     * coupons take from their lines in proportion to what is left of each; an experience voucher makes one unit of
     * the first line of an eligible item free.
     */
    static Priced price(CouponType type, List<DraftLine> lines, long[] left) {
        long[] weights = new long[lines.size()];
        long base = 0;
        int firstItem = -1;
        for (int i = 0; i < lines.size(); i++) {
            DraftLine line = lines.get(i);
            if (left[i] > 0 && type.covers(line.itemId(), line.category())) {
                weights[i] = left[i];
                base += left[i];
                if (firstItem < 0 && line.itemId() != null) {
                    firstItem = i;
                }
            }
        }
        long[] byLine = new long[lines.size()];
        if (base == 0 || type.kind == CouponKind.EXPERIENCE_VOUCHER && firstItem < 0) {
            return new Priced(byLine, "applies to none of the order's items");
        }
        if (base < type.minSpend) {
            return new Priced(byLine, "needs the items it applies to to come to at least " + type.minSpend
                    + " (they come to " + base + ")");
        }
        switch (type.kind) {
            case CASH_VOUCHER -> byLine = MoneySplit.byWeights(Math.min(type.amountOff, base), weights);
            case DISCOUNT_PERCENT -> {
                long off = BigDecimal.valueOf(base).multiply(type.percentOff)
                        .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
                byLine = MoneySplit.byWeights(type.maxDiscount == null ? off : Math.min(off, type.maxDiscount),
                        weights);
            }
            case EXPERIENCE_VOUCHER -> byLine[firstItem] = BigDecimal.valueOf(left[firstItem])
                    .divide(BigDecimal.valueOf(lines.get(firstItem).quantity()), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        return new Priced(byLine, null);
    }
}
