package org.crmsuite.notification.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.delivery.SendOutcome;
import org.junit.jupiter.api.Test;

/** NO-3 retry schedule without Spring: jitter within ±10 %, give up after the last step, Retry-After capped. */
class RetryScheduleTest {

    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private final NotificationSettings settings = new NotificationSettings();
    private final WebhookSender sender = new WebhookSender(null, new CallbackUrls(settings), settings, null,
            Clock.fixed(now, ZoneOffset.UTC));
    private final SendOutcome serverError = SendOutcome.failed("webhook", 500, "HTTP 500", null);

    @Test
    void eachRetryWaitsItsStepOfTheScheduleWithJitter_NO3() {
        List<Duration> schedule = settings.getWebhook().getSchedule();
        for (int attemptsMade = 1; attemptsMade < schedule.size(); attemptsMade++) {
            Duration step = schedule.get(attemptsMade);
            for (int i = 0; i < 20; i++) {
                Duration wait = Duration.between(now, sender.nextAttempt(null, serverError, attemptsMade, now, List.of()).orElseThrow());
                assertThat(wait).isBetween(step.multipliedBy(9).dividedBy(10), step.multipliedBy(11).dividedBy(10));
            }
        }
        assertThat(sender.nextAttempt(null, serverError, schedule.size(), now, List.of())).as("after 24 h: FAILED").isEmpty();
        assertThat(sender.nextAttempt(null, SendOutcome.refused("webhook", 410, "Gone"), 1, now, List.of())).isEmpty();
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonouredUpToTheCap_NO3() {
        assertThat(sender.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(sender.retryAfter("Mon, 23 Nov 2026 02:10:00 GMT")).isEqualTo(Duration.ofMinutes(10));
        assertThat(sender.retryAfter("soon")).isNull();
        SendOutcome busy = SendOutcome.failed("webhook", 503, "HTTP 503", Duration.ofDays(3));
        assertThat(sender.nextAttempt(null, busy, 1, now, List.of())).contains(now.plus(Duration.ofHours(24)));
    }
}
