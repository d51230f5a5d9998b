package org.crmsuite.customer.jobs;

import org.crmsuite.customer.policy.CustomerSettings;
import org.crmsuite.platform.jobs.MongoLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link CustomerMaintenance} every {@code crm.customer.jobs.interval} on whichever instance takes the MongoDB
 * lease {@code customer-maintenance} first; the others skip that round.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "crm.customer.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MaintenanceScheduler {

    static final String LOCK = "customer-maintenance";
    private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final CustomerMaintenance maintenance;
    private final MongoLeases locks;
    private final CustomerSettings settings;

    MaintenanceScheduler(CustomerMaintenance maintenance, MongoLeases locks, CustomerSettings settings) {
        this.maintenance = maintenance;
        this.locks = locks;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${crm.customer.jobs.interval}", fixedDelayString = "${crm.customer.jobs.interval}")
    void run() {
        if (!locks.tryAcquire(LOCK, settings.jobs().lease())) {
            return;
        }
        try {
            maintenance.runOnce();
        } catch (RuntimeException e) {
            log.warn("maintenance pass failed: {}", e.getMessage());
        } finally {
            locks.release(LOCK);
        }
    }
}
