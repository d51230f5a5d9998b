package org.crmsuite.notification.jobs;

import java.time.Duration;

import org.crmsuite.notification.care.CareMessages;
import org.crmsuite.notification.delivery.Dispatcher;
import org.crmsuite.notification.digest.DailyDigest;
import org.crmsuite.platform.jobs.MongoLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The schedulers ({@code crm.notification.jobs.enabled}; off in tests, which run the jobs by hand). Dispatch passes run
 * on every instance (each claims its own documents); digest and care passes run on one instance at a time
 * ({@link MongoLeases}), and their work claims make each digest and greeting happen once.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "crm.notification.jobs.enabled", havingValue = "true", matchIfMissing = true)
class Scheduling {

    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

    private final Dispatcher dispatcher;
    private final DailyDigest digest;
    private final CareMessages care;
    private final MongoLeases leases;

    Scheduling(Dispatcher dispatcher, DailyDigest digest, CareMessages care, MongoLeases leases) {
        this.dispatcher = dispatcher;
        this.digest = digest;
        this.care = care;
        this.leases = leases;
    }

    @Scheduled(fixedDelayString = "${crm.notification.dispatch.poll-interval:1s}", initialDelayString = "PT5S")
    void dispatch() {
        try {
            dispatcher.runOnce();
        } catch (RuntimeException e) {
            log.warn("dispatch pass failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${crm.notification.jobs.digest-pass-interval:5m}", initialDelayString = "PT30S")
    void digests() {
        leases.runIfFree("notification-digest", Duration.ofMinutes(10), digest::runOnce);
    }

    @Scheduled(fixedDelayString = "${crm.notification.jobs.care-pass-interval:15m}", initialDelayString = "PT60S")
    void careMessages() {
        leases.runIfFree("notification-care", Duration.ofMinutes(10), care::runOnce);
    }
}
