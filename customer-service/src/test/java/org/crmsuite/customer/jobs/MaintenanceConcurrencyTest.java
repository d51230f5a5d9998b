package org.crmsuite.customer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crmsuite.customer.profile.Customer;
import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduler is safe with two instances: one MongoDB lease at a time, and no change applied twice (CU-7, CU-8). */
class MaintenanceConcurrencyTest extends ApiTest {

    @Autowired
    CustomerMaintenance maintenance;
    @Autowired
    Clock appClock;

    @Test
    void onlyOneInstanceHoldsTheLeaseUntilReleasedOrExpired() {
        MongoLeases first = new MongoLeases(mongo, appClock, "customer.busy");
        MongoLeases second = new MongoLeases(mongo, appClock, "customer.busy");
        assertThat(first.tryAcquire("customer-maintenance", Duration.ofMinutes(5))).isTrue();
        assertThat(second.tryAcquire("customer-maintenance", Duration.ofMinutes(5))).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(second.tryAcquire("customer-maintenance", Duration.ofMinutes(5))).isTrue();
        assertThat(first.tryAcquire("customer-maintenance", Duration.ofMinutes(5))).isFalse();
        second.release("customer-maintenance");
        assertThat(first.tryAcquire("customer-maintenance", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void twoPassesAtOnceExpireAnEntryOnce_CU7() throws Exception {
        List<Customer> listed = seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 6);
        for (Customer c : listed) {
            POST("/api/v1/blacklist", managerEast(), Map.of("customerId", c.getId(), "scope", "DEPARTMENT",
                    "reason", "FALSE_INFORMATION_OR_FRAUD", "expiresOn", "2026-03-10"));
        }
        clock.set(Instant.parse("2026-03-10T00:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pass = () -> maintenance.runOnce().blacklistEntriesExpired();
            List<Future<Integer>> passes = pool.invokeAll(List.of(pass, pass));
            assertThat(passes.get(0).get() + passes.get(1).get()).isEqualTo(6);
        } finally {
            pool.shutdown();
        }
        for (Customer c : listed) {
            assertThat(outboxTypes(c.getId()).stream().filter("crm.customer.blacklist-lifted.v1"::equals)).hasSize(1);
        }
    }
}
