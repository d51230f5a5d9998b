package org.crmsuite.notification.partners;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.ChannelSender;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.Rendered;
import org.crmsuite.notification.delivery.SendOutcome;
import org.crmsuite.notification.policy.Policies;
import org.crmsuite.platform.events.CloudEvent;
import org.crmsuite.platform.web.DomainException;
import org.springframework.stereotype.Component;

/**
 * NO-3 webhook channel (Standard Webhooks): POSTs the CloudEvents envelope with {@code webhook-id} (the delivery id,
 * stable across retries and replays), {@code webhook-timestamp} and {@code webhook-signature}. 2xx succeeds; 410 Gone
 * disables the subscription; 429/503 come back after Retry-After; anything else follows the retry schedule with jitter.
 * Redirects are not followed and the URL is checked again before each attempt (no SSRF).
 */
@Component
class WebhookSender implements ChannelSender {

    private final Subscriptions subscriptions;
    private final CallbackUrls urls;
    private final NotificationSettings settings;
    private final Policies policies;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(Subscriptions subscriptions, CallbackUrls urls, NotificationSettings settings, Policies policies, Clock clock) {
        this.subscriptions = subscriptions;
        this.urls = urls;
        this.settings = settings;
        this.policies = policies;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getWebhook().getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean rendered() {
        return false;
    }

    @Override
    public Hold holdBeforeSending(Delivery delivery) {
        Subscription s;
        try {
            s = subscriptions.get(delivery.getSubscriptionId());
        } catch (DomainException gone) {
            return new Hold(true, "subscription deleted");
        }
        return switch (s.getStatus()) {
            case ACTIVE -> null;
            case PAUSED -> new Hold(false, "subscription paused");
            case DISABLED -> new Hold(true, "subscription disabled");
        };
    }

    @Override
    public SendOutcome send(Delivery delivery, Rendered unused) {
        Subscription s = subscriptions.get(delivery.getSubscriptionId());
        URI target;
        try {
            target = urls.check(s.getUrl());
        } catch (DomainException forbidden) {
            return SendOutcome.refused("webhook", null, forbidden.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        String body = delivery.getPayload();
        StringBuilder signatures = new StringBuilder();
        for (String secret : subscriptions.signingSecrets(s)) {
            if (!signatures.isEmpty()) {
                signatures.append(' ');
            }
            signatures.append(WebhookSignature.sign(secret, delivery.getId(), timestamp, body));
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(settings.getWebhook().getTimeout())
                .header("Content-Type", CloudEvent.CONTENT_TYPE)
                .header("webhook-id", delivery.getId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signatures.toString())
                .header("User-Agent", "crm-notification-service")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return SendOutcome.sent("webhook", status);
            }
            if (status == 410) {
                return SendOutcome.refused("webhook", status, "HTTP 410 Gone: the partner ended the subscription");
            }
            Duration retryAfter = status == 429 || status == 503
                    ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
            return SendOutcome.failed("webhook", status, "HTTP " + status, retryAfter);
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed("webhook", null, "timed out after " + settings.getWebhook().getTimeout(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed("webhook", null, "interrupted", null);
        } catch (java.io.IOException | RuntimeException e) {
            return SendOutcome.failed("webhook", null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        }
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    /** NO-3 retry schedule: attempt n+1 waits schedule[n] (± jitter) after attempt n; Retry-After wins (capped). */
    @Override
    public Optional<Instant> nextAttempt(Delivery delivery, SendOutcome outcome, int attemptsMade, Instant now,
            List<Duration> backoff) {
        List<Duration> schedule = settings.getWebhook().getSchedule();
        if (outcome.permanent() || attemptsMade >= schedule.size()) {
            return Optional.empty();
        }
        if (outcome.retryAfter() != null) {
            Duration max = settings.getWebhook().getMaxRetryAfter();
            return Optional.of(now.plus(outcome.retryAfter().compareTo(max) > 0 ? max : outcome.retryAfter()));
        }
        return Optional.of(now.plus(jittered(schedule.get(attemptsMade))));
    }

    private Duration jittered(Duration delay) {
        double jitter = settings.getWebhook().getJitter();
        if (jitter <= 0 || delay.isZero()) {
            return delay;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    @Override
    public void after(Delivery delivery, SendOutcome outcome) {
        if (outcome.sent()) {
            subscriptions.succeeded(delivery.getSubscriptionId());
            return;
        }
        if (outcome.httpStatus() != null && outcome.httpStatus() == 410) {
            subscriptions.disable(subscriptions.get(delivery.getSubscriptionId()), "HTTP 410 Gone");
            return;
        }
        subscriptions.failed(delivery.getSubscriptionId(), outcome.error(), policies.current().pauseAfterFailures());
    }
}
