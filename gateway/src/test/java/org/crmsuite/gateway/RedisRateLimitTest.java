package org.crmsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.crmsuite.gateway.GatewayHttp.json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

/**
 * The rate limit with {@code crm.gateway.rate-limit.store=redis}: SCG's RedisRateLimiter against the Redis on
 * 127.0.0.1:6379 (run-tests.sh / CI provide it). Subjects are unique per run, so counts left by an earlier run (they
 * expire within seconds anyway) never meet this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "crm.gateway.rate-limit.store=redis",
        "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379" })
class RedisRateLimitTest extends RateLimitBehaviour {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final TestIssuer ISSUER = new TestIssuer();
    private static final WireMockServer CUSTOMER_SERVICE = startCustomerService();

    @BeforeAll
    static void redisIsThere() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1_000);
        } catch (IOException e) {
            fail("This test needs Redis on 127.0.0.1:6379 (run-tests.sh and CI start one): " + e);
        }
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        register(registry, ISSUER, CUSTOMER_SERVICE);
    }

    @AfterAll
    static void stopStandIns() {
        CUSTOMER_SERVICE.stop();
        ISSUER.stop();
    }

    @Autowired
    ReactiveStringRedisTemplate redis;

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
        return "gateway-test-" + RUN + "-" + name;
    }

    @Test
    void theCountLivesInRedisWhereEveryGatewayInstanceSharesIt() {
        String subject = subject("shared");
        HttpResponse<String> response = new GatewayHttp(port).as(ISSUER.tokenFor(subject)).get(CUSTOMERS + "/shared");

        assertThat(response.statusCode()).isEqualTo(200);
        // SCG's key layout: request_rate_limiter.{<route id>.<key>}.tokens, the key being the caller's sub
        String key = "request_rate_limiter.{customer-service.sub:" + subject + "}.tokens";
        assertThat(redis.opsForValue().get(key).block(Duration.ofSeconds(2))).isEqualTo(String.valueOf(BURST - 1));
    }

    @Test
    void redisIsPartOfTheGatewaysHealthButNotOfItsReadiness() {
        JsonNode health = json(new GatewayHttp(port).get("/actuator/health"));
        assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("UP");

        JsonNode readiness = json(new GatewayHttp(port).get("/actuator/health/readiness"));
        assertThat(readiness.path("components").has("redis")).isFalse();
    }
}
