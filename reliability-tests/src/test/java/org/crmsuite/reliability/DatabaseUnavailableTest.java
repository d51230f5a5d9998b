package org.crmsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.crmsuite.reliability.support.Http;
import org.crmsuite.reliability.support.Node;
import org.crmsuite.reliability.support.Report;
import org.crmsuite.reliability.support.Suite;
import org.crmsuite.testsupport.TcpProxy;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 (issue 9): one customer-service instance loses its MongoDB (a TCP proxy between them is cut). Its API
 * answers 503 problem+json quickly for reads and writes, no request thread piles up, health turns DOWN, nothing of
 * the refused writes is stored, and the instance recovers by itself when the database is back.
 */
@Order(4)
class DatabaseUnavailableTest {

    /** "Quickly": well under the gateway's response timeout and a user's patience; a hang would be 30 s or more. */
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final int READERS = 30;
    private static final int WRITERS = 10;

    private final Suite suite = Suite.get();

    @Test
    void aServiceWithoutItsDatabaseAnswers503QuicklyReportsDownAndRecoversByItself() throws Exception {
        Node service = suite.customerA;
        suite.ensureRunning(service);
        TcpProxy database = suite.databaseOf(service);
        String admin = suite.issuer.bearer("rel-admin", "dept-company", "ADMIN");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer created = Http.post(service.uri("/api/v1/customers"), admin, Fixtures.customer("DB outage " + run,
                "DBO" + run + "00", "dept-east-sales"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        int threadsBefore = liveThreads(service);

        database.cut();
        Instant cut = Instant.now();
        List<Http.Answer> answers = new ArrayList<>();
        Http.Answer health;
        Http.Answer steady;
        int threadsDuring;
        try {
            ExecutorService pool = Executors.newFixedThreadPool(READERS + WRITERS);
            try {
                List<Future<Http.Answer>> calls = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    calls.add(pool.submit(() -> Http.send(java.net.http.HttpRequest.newBuilder(service.uri("/api/v1/customers/" + id))
                            .header("Authorization", admin).GET(), Duration.ofSeconds(40))));
                }
                for (int i = 0; i < WRITERS; i++) {
                    String registration = "DBW" + run + String.format("%03d", i);
                    calls.add(pool.submit(() -> Http.method("POST", service.uri("/api/v1/customers"), admin,
                            Fixtures.customer("DB outage write " + registration, registration, "dept-east-sales"),
                            Duration.ofSeconds(40), "Idempotency-Key", registration)));
                }
                for (Future<Http.Answer> call : calls) {
                    answers.add(call.get());
                }
            } finally {
                pool.shutdown();
            }
            // once the driver knows the server is gone: the steady state of the outage
            steady = Http.send(java.net.http.HttpRequest.newBuilder(service.uri("/api/v1/customers/" + id))
                    .header("Authorization", admin).GET(), Duration.ofSeconds(40));
            health = Http.get(service.uri("/actuator/health"), admin);
            threadsDuring = liveThreads(service);
        } finally {
            database.restore(); // never left cut for the next scenario
        }
        long slowest = answers.stream().mapToLong(Http.Answer::millis).max().orElse(0);
        Instant restored = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.get(service.uri("/api/v1/customers/" + id), admin).status() == 200);
        Duration recovery = Duration.between(restored, Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(service.uri("/actuator/health"), admin).status() == 200);
        long storedDuringOutage = suite.count("crm_customer", "customers",
                new Document("registrationNumber", new Document("$regex", "^DBW" + run)));
        List<Http.Answer> after = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            after.add(Http.get(service.uri("/api/v1/customers/" + id), admin));
        }

        long unavailable = answers.stream().filter(DatabaseUnavailableTest::isUnavailable).count();
        long poolClearedBug = answers.stream().filter(DatabaseUnavailableTest::isInternalError).count();
        long other = answers.size() - unavailable - poolClearedBug;
        long recovered = after.stream().filter(a -> a.status() == 200).count();
        new Report("4 database unavailable").load(READERS + " reads + " + WRITERS + " writes at once on one customer-service instance")
                .fault("its MongoDB connection cut (TCP proxy) for " + Duration.between(cut, restored).toSeconds() + " s")
                .counts(answers.size() + after.size(), recovered, unavailable + poolClearedBug + other, storedDuringOutage, 0)
                .recovery(recovery)
                .note("during the outage: " + unavailable + " × 503 problem+json service.database-unavailable, "
                        + poolClearedBug + " × 500 internal.error (platform bug, docs/reliability.md finding 2), " + other
                        + " other answers; slowest answer " + slowest + " ms; health " + health.status() + " "
                        + health.json().path("status").asString())
                .note("a read after the burst: " + steady.status() + " in " + steady.millis() + " ms")
                .note("request threads before / during the outage: " + threadsBefore + " / " + threadsDuring)
                .note("writes refused during the outage and found stored afterwards (lost column counts these; must be 0): "
                        + storedDuringOutage)
                .note("recovery = from the database's return to the first 200 on the same instance, no restart")
                .write();

        assertThat(answers).as("every read and write during the outage is refused quickly with a problem+json: never a "
                + "hang, never a success").allSatisfy(a -> {
                    assertThat(isUnavailable(a) || isInternalError(a)).as(a.toString()).isTrue();
                    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(Duration.ofMillis(a.millis())).isLessThan(QUICK);
                });
        assertThat(steady.status()).as("a read during the outage, after the burst: " + steady).isEqualTo(503);
        assertThat(steady.json().path("code").asString()).isEqualTo("service.database-unavailable");
        assertThat(Duration.ofMillis(steady.millis())).isLessThan(QUICK);
        // finding 2, fixed in the platform's ProblemHandler: a cleared connection pool is 503 too, never a 500
        assertThat(poolClearedBug).as("500s while the connection pool is cleared").isZero();
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
        assertThat(threadsDuring - threadsBefore).as("no thread pile-up").isLessThan(READERS + WRITERS);
        assertThat(storedDuringOutage).as("a refused write leaves nothing behind").isZero();
        assertThat(recovered).isEqualTo(10);
    }

    private static boolean isUnavailable(Http.Answer a) {
        return a.status() == 503 && "service.database-unavailable".equals(a.json().path("code").asString());
    }

    /**
     * Finding 2 (a real bug, not fixed here: platform): the MongoDB driver's {@code MongoConnectionPoolClearedException}
     * ("Connection pool ... is paused because another operation failed"), thrown to the requests that reach the pool
     * just after a connection broke, is translated by Spring Data to {@code UncategorizedMongoDbException}, which the
     * platform's ProblemHandler does not map to 503 (only {@code DataAccessResourceFailureException}): a 500.
     */
    private static boolean isInternalError(Http.Answer a) {
        return a.status() == 500 && "internal.error".equals(a.json().path("code").asString());
    }

    private static int liveThreads(Node service) {
        Http.Answer answer = Http.get(service.uri("/actuator/metrics/jvm.threads.live"),
                Suite.get().issuer.bearer("rel-admin", "dept-company", "ADMIN"));
        return answer.status() == 200 ? answer.json().path("measurements").path(0).path("value").asInt() : -1;
    }
}
