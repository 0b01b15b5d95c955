package app.meike.wallet;

/** Money paid or paid back outside MeiKe: a top-up is paid with it, a refund goes back through it. */
public enum ExternalTenderMethod {
    CASH, BANK_CARD, WECHAT_PAY, ALIPAY, OTHER
}
