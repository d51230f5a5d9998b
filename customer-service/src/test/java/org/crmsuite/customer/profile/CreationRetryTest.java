package org.crmsuite.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * CU-11 with retries: a create sent again with the same Idempotency-Key — at once, while the first is still being
 * stored (a client retrying after its first instance died) — answers with the one stored customer, never a 409.
 */
class CreationRetryTest extends ApiTest {

    @Test
    void concurrentRetriesOfOneCreationStoreOneCustomerAndAnswerItEachTime_CU11() throws Exception {
        String registration = "91330100MA2R000077";
        NewCustomer details = new NewCustomer(customers.tenantId(), new ProfileDetails("重试测试有限公司", registration, null,
                null, "construction", null, null, null, null, List.of()), List.of(), List.of(), "demo-sales-1", EAST,
                Category.GENERAL, Grade.QUALIFIED, List.of(), "demo-sales-1", "demo-sales-1:retry-77", null,
                clock.instant().plusSeconds(180L * 86_400));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Customers.Registration> attempt = () -> customers.register(details, true);
            List<Future<Customers.Registration>> attempts = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
            String id = null;
            int fresh = 0;
            for (Future<Customers.Registration> result : attempts) {
                Customers.Registration registration1 = result.get(); // no attempt fails with a duplicate
                id = id == null ? registration1.customer().getId() : id;
                assertThat(registration1.customer().getId()).isEqualTo(id);
                fresh += registration1.repeated() ? 0 : 1;
            }
            assertThat(fresh).as("exactly one attempt stored it").isEqualTo(1);
            assertThat(customers.byRegistrationNumber(registration)).isPresent();
        } finally {
            pool.shutdown();
        }
    }
}
