package org.crmsuite.sales.registration;

import java.util.Locale;

/** How a visitor is recognised again (SA-3 "looked up by phone and name"): digits of the phone, the name without spaces. */
public final class Visitors {

    private Visitors() {
    }

    public static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    public static String nameKey(String name) {
        return name == null ? null : name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
