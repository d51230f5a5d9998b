package org.crmsuite.notification.delivery;

import java.time.Instant;
import java.util.Optional;

/** One NO-4 channel. The dispatcher renders (except webhooks), calls {@link #send}, logs the attempt and reschedules. */
public interface ChannelSender {

    Channel channel();

    /** Sends one attempt; never throws for a provider failure (that is a failed outcome). */
    SendOutcome send(Delivery delivery, Rendered message);

    /** Whether the message is rendered from a template first (webhooks send the event envelope itself). */
    default boolean rendered() {
        return true;
    }

    /**
     * The next attempt after a failed one, or empty to give up. {@code attemptsMade} counts this failed attempt.
     * The default is the NO-4 backoff the dispatcher passes in.
     */
    default Optional<Instant> nextAttempt(Delivery delivery, SendOutcome outcome, int attemptsMade, Instant now,
            java.util.List<java.time.Duration> backoff) {
        if (outcome.permanent() || attemptsMade > backoff.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff.get(attemptsMade - 1)));
    }

    /** Called with every outcome after it was logged (webhooks count a subscription's failures here). */
    default void after(Delivery delivery, SendOutcome outcome) {
    }

    /** Checked before sending: a reason to hold (not send, not count) the delivery, or null to go ahead. */
    default Hold holdBeforeSending(Delivery delivery) {
        return null;
    }

    /** {@code giveUp}: fail the delivery for good with {@code reason}; otherwise park it as HELD. */
    record Hold(boolean giveUp, String reason) {
    }
}
