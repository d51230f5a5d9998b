package org.crmsuite.customer.profile;

/** Phones are stored and searched without spaces, dashes and brackets, so {@code 138-1234 5678} finds {@code 13812345678}. */
public final class Phones {

    private Phones() {
    }

    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s\\-()]", "");
        return digits.isEmpty() ? null : digits;
    }
}
