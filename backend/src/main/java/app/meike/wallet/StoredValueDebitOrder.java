package app.meike.wallet;

import java.math.BigInteger;

/** How a debit splits between a lot's principal and bonus; each lot keeps the order it was sold under. */
public enum StoredValueDebitOrder {
    /**
     * Principal and bonus in the lot's proportion, the way courts value consumption of a 'pay X get Y' card: the
     * principal consumed stays floor(consumed x principal / total), so a refund (principal - that) rounds in the
     * customer's favour.
     */
    PRO_RATA,
    /** All principal before any bonus. */
    PRINCIPAL_FIRST;

    /** The principal a lot of `principal` in `total` has used up once `consumed` of it is consumed. */
    long targetPrincipal(long principal, long total, long consumed) {
        return switch (this) {
            case PRO_RATA -> BigInteger.valueOf(consumed).multiply(BigInteger.valueOf(principal))
                    .divide(BigInteger.valueOf(total)).longValueExact();
            case PRINCIPAL_FIRST -> Math.min(consumed, principal);
        };
    }
}
