package app.meike.tenancy;

import app.meike.common.problem.ProblemException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

/** Checks of the tenant's and clinics' locale settings. */
final class Zones {
    static final String DEFAULT_ZONE = "Asia/Shanghai";
    static final String DEFAULT_CURRENCY = "CNY";

    private Zones() {
    }

    static String zone(String field, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "must be an IANA time zone such as Asia/Shanghai");
        }
    }

    static String currency(String value) {
        if (value == null) {
            return DEFAULT_CURRENCY;
        }
        try {
            return Currency.getInstance(value).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", "is not an ISO 4217 currency");
        }
    }
}
