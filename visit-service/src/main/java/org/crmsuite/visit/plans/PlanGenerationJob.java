package org.crmsuite.visit.plans;

import java.util.List;

import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.visit.VisitSettings;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * VI-2 the rolling annual plan: back-fills customers this service knows only partly (customer-service was down when
 * their event came), then extends every customer's cadence plans to the horizon. One instance at a time (lease
 * {@code visit-plan-generation}); plan ids make a repeated pass harmless.
 */
@Component
public class PlanGenerationJob {

    static final String LEASE = "visit-plan-generation";
    private static final Logger log = LoggerFactory.getLogger(PlanGenerationJob.class);

    private final CustomerViews customers;
    private final Plans plans;
    private final MongoLeases leases;
    private final VisitCalendar calendar;
    private final VisitSettings settings;

    PlanGenerationJob(CustomerViews customers, Plans plans, MongoLeases leases, VisitCalendar calendar,
            VisitSettings settings) {
        this.customers = customers;
        this.plans = plans;
        this.leases = leases;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${crm.visit.jobs.plan-interval}", initialDelayString = "${crm.visit.jobs.due-interval}")
    void scheduled() {
        if (!settings.jobs().enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("VI-2 plan pass failed: {}", e.getMessage());
        }
    }

    /** @param ran false when another instance held the pass */
    public record Pass(boolean ran, int backfilled, int plansMade) {
    }

    public Pass runOnce() {
        int[] counts = new int[2];
        boolean ran = leases.runIfFree(LEASE, settings.jobs().lease(), () -> {
            for (CustomerView stale : customers.needingBackfill(calendar.now(), settings.jobs().batchSize())) {
                customers.retryBackfill(stale).ifPresent(applied -> {
                    counts[0]++;
                    plans.react(applied);
                });
            }
            String after = null;
            while (true) {
                List<CustomerView> page = customers.page(after, settings.jobs().batchSize());
                if (page.isEmpty()) {
                    break;
                }
                for (CustomerView customer : page) {
                    try {
                        counts[1] += plans.generate(customer);
                    } catch (RuntimeException e) {
                        log.warn("VI-2: plans of customer {} not extended this pass: {}", customer.getId(), e.getMessage());
                    }
                }
                after = page.get(page.size() - 1).getId();
            }
        });
        return new Pass(ran, counts[0], counts[1]);
    }
}
