package app.meike.customer;

import app.meike.common.problem.ProblemException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Customer phone numbers as stored (one spelling per number, so uniqueness holds) and as shown masked. */
public final class PhoneNumbers {
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern MAINLAND_LANDLINE = Pattern.compile("0\\d{9,11}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern DECORATION = Pattern.compile("[\\s\\-().]");

    private PhoneNumbers() {
    }

    public static final String RULE = "must be a mainland number (such as 13800138000) or an international one starting with +";
    private static final char[] LETTERS = "ghijklmnopabcdef".toCharArray();

    /** 13800138000 for "+86 138-0013-8000"; +85291234567 for "+852 9123 4567"; a 400 for anything else. */
    static String normalize(String raw) {
        String phone = normalizeOrNull(raw);
        if (phone == null) {
            throw ProblemException.invalidField("phone", RULE);
        }
        return phone;
    }

    /** As normalize, with null for a number that is not one. */
    public static String normalizeOrNull(String raw) {
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
        return null;
    }

    /**
     * What stands in the phone column of a merged or erased customer: unique (taken from the id) and without
     * digits, so it is nobody's number, no phone search finds it and the real number is free again.
     */
    static String placeholder(UUID id) {
        String hex = id.toString().replace("-", "");
        StringBuilder letters = new StringBuilder("x");
        for (char c : hex.substring(hex.length() - 19).toCharArray()) {
            letters.append(LETTERS[Character.digit(c, 16)]);
        }
        return letters.toString();
    }

    /** 138****8000: enough to confirm a number with the customer, not enough to call it. */
    public static String mask(String phone) {
        if (!phone.isEmpty() && phone.charAt(0) == 'x') {
            return phone;
        }
        if (phone.length() < 8) {
            return "****" + phone.substring(Math.max(0, phone.length() - 2));
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
