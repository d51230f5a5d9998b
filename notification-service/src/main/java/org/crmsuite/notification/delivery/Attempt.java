package org.crmsuite.notification.delivery;

import java.time.Instant;

/**
 * NO-4: one logged attempt of a delivery: channel, provider, the recipient masked, outcome ({@code SENT}, {@code FAILED},
 * {@code DEFERRED}, {@code HELD}, {@code SKIPPED}), the partner's HTTP status where there is one, and the error.
 */
public record Attempt(Instant at, Channel channel, String provider, String recipient, String status, Integer httpStatus,
        String error, Long durationMs) {
}
