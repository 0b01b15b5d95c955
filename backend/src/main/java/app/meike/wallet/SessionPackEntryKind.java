package app.meike.wallet;

public enum SessionPackEntryKind { ISSUE, REDEEM, REVERSAL, REFUND, FREEZE, UNFREEZE, EXTEND }
