package org.crmsuite.notification.delivery;

/** NO-4: recipients appear in attempt logs masked: {@code l***@crm.local}, {@code 138****0001}, callback host only. */
public final class Masking {

    private Masking() {
    }

    public static String mask(Channel channel, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return switch (channel) {
            case EMAIL -> email(address);
            case SMS -> phone(address);
            case WEBHOOK -> url(address);
            case INBOX -> address;
        };
    }

    static String email(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    static String phone(String phone) {
        String digits = phone.strip();
        if (digits.length() <= 4) {
            return "****";
        }
        int keepEnd = 4;
        int keepStart = Math.min(3, digits.length() - keepEnd);
        return digits.substring(0, keepStart) + "*".repeat(digits.length() - keepStart - keepEnd)
                + digits.substring(digits.length() - keepEnd);
    }

    static String url(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
        } catch (RuntimeException e) {
            return "***";
        }
    }
}
