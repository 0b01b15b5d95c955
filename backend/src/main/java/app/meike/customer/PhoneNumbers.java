package app.meike.customer;

import app.meike.common.problem.ProblemException;

import java.util.regex.Pattern;

/** Customer phone numbers as stored (one spelling per number, so uniqueness holds) and as shown masked. */
final class PhoneNumbers {
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern MAINLAND_LANDLINE = Pattern.compile("0\\d{9,11}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern DECORATION = Pattern.compile("[\\s\\-().]");

    private PhoneNumbers() {
    }

    /** 13800138000 for "+86 138-0013-8000"; +85291234567 for "+852 9123 4567"; a 400 for anything else. */
    static String normalize(String raw) {
        String phone = DECORATION.matcher(raw == null ? "" : raw).replaceAll("");
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        } else if (phone.startsWith("0086")) {
            phone = phone.substring(4);
        }
        if (MAINLAND_MOBILE.matcher(phone).matches() || MAINLAND_LANDLINE.matcher(phone).matches()
                || INTERNATIONAL.matcher(phone).matches()) {
            return phone;
        }
        throw ProblemException.invalidField("phone",
                "must be a mainland number (such as 13800138000) or an international one starting with +");
    }

    /** 138****8000: enough to confirm a number with the customer, not enough to call it. */
    static String mask(String phone) {
        if (phone.length() < 8) {
            return "****" + phone.substring(Math.max(0, phone.length() - 2));
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
