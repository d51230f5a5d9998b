package org.crmsuite.notification.delivery;

import java.time.Duration;

/**
 * What a channel reports for one attempt. {@code permanent}: retrying cannot help (410 Gone, no template, no address);
 * {@code retryAfter}: the receiver said when to come back (429/503 Retry-After).
 */
public record SendOutcome(boolean sent, String provider, Integer httpStatus, String error, boolean permanent,
        Duration retryAfter) {

    public static SendOutcome sent(String provider) {
        return new SendOutcome(true, provider, null, null, false, null);
    }

    public static SendOutcome sent(String provider, int httpStatus) {
        return new SendOutcome(true, provider, httpStatus, null, false, null);
    }

    public static SendOutcome failed(String provider, String error) {
        return new SendOutcome(false, provider, null, error, false, null);
    }

    public static SendOutcome failed(String provider, Integer httpStatus, String error, Duration retryAfter) {
        return new SendOutcome(false, provider, httpStatus, error, false, retryAfter);
    }

    public static SendOutcome refused(String provider, Integer httpStatus, String error) {
        return new SendOutcome(false, provider, httpStatus, error, true, null);
    }
}
