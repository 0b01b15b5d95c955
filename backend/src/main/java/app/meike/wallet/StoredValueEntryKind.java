package app.meike.wallet;

import app.meike.wallet.StoredValueLots.Move;

/** What a stored-value ledger entry did, and so which of its lots' buckets its allocations move. */
public enum StoredValueEntryKind {
    TOP_UP, OPENING, DEBIT, REVERSAL, REFUND, EXPIRE, REACTIVATE, TRANSFER_OUT, TRANSFER_IN, ADJUST, REWARD;

    /**
     * How an allocation of this kind moves its lot; an adjustment adds value or consumes it by its sign; a reward
     * brings its bonus lot in, and its reversal pays the unspent rest out (forfeited, not consumed: it is no spend).
     */
    Move move(boolean adds) {
        return switch (this) {
            case TOP_UP, OPENING, TRANSFER_IN -> Move.ARRIVE;
            case DEBIT -> Move.CONSUME;
            case REVERSAL -> Move.GIVE_BACK;
            case REFUND, TRANSFER_OUT -> Move.PAY_OUT;
            case EXPIRE -> Move.EXPIRE;
            case REACTIVATE -> Move.REACTIVATE;
            case ADJUST -> adds ? Move.ARRIVE : Move.CONSUME;
            case REWARD -> adds ? Move.ARRIVE : Move.PAY_OUT;
        };
    }
}
