package org.crmsuite.gateway;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The rate limit with the default store: this instance's memory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "eureka.client.enabled=false", "crm.gateway.rate-limit.store=memory" })
class InMemoryRateLimitTest extends RateLimitBehaviour {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final WireMockServer CUSTOMER_SERVICE = startCustomerService();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        register(registry, ISSUER, CUSTOMER_SERVICE);
    }

    @AfterAll
    static void stopStandIns() {
        CUSTOMER_SERVICE.stop();
        ISSUER.stop();
    }

    @Override
    TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    WireMockServer customerService() {
        return CUSTOMER_SERVICE;
    }

    @Override
    String subject(String name) {
        return "staff-" + name;
    }
}
