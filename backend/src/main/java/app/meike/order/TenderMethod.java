package app.meike.order;

/** External tenders are money paid outside MeiKe (recorded, not processed); POINTS pays with loyalty points. */
public enum TenderMethod {
    CASH, BANK_CARD, WECHAT_PAY, ALIPAY, OTHER, POINTS;

    /** Money that counts as qualifying spend (points never do). */
    public boolean isExternalMoney() {
        return this != POINTS;
    }
}
