package app.meike.order;

/**
 * External tenders are money paid outside MeiKe (recorded, not processed); POINTS pays with loyalty points,
 * STORED_VALUE with the customer's stored-value account.
 */
public enum TenderMethod {
    CASH, BANK_CARD, WECHAT_PAY, ALIPAY, OTHER, POINTS, STORED_VALUE;

    /** Money paid outside MeiKe: all of it is qualifying spend (points never are; stored value only its principal). */
    public boolean isExternalMoney() {
        return this != POINTS && this != STORED_VALUE;
    }
}
