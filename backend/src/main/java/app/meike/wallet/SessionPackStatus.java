package app.meike.wallet;

/** A pack as customers and staff see it (see SessionPackStatus in openapi.yaml). */
public enum SessionPackStatus { ACTIVE, FROZEN, EXPIRED, REFUNDED, USED_UP }
