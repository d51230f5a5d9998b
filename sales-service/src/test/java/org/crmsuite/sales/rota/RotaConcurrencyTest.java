package org.crmsuite.sales.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmsuite.sales.SalesServiceApplication;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * SA-1 across instances: two application contexts (two sales-service instances) on the same MongoDB take walk-ins at
 * the same moment, through HTTP; the rota stays one truth: no turn is handed out twice and no rep is skipped.
 */
class RotaConcurrencyTest extends SalesTestBase {

    private static ConfigurableApplicationContext secondInstance;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    private Http second() {
        if (secondInstance == null) {
            secondInstance = new SpringApplicationBuilder(SalesServiceApplication.class, SalesTestBase.TestClockConfig.class).profiles("test").run(
                    "--server.port=0", "--crm.embedded-mongo.enabled=false", "--spring.mongodb.uri=" + mongoUri,
                    "--crm.events.exchange=" + BROKER.exchange, "--crm.events.dead-letter-exchange=" + BROKER.deadLetterExchange,
                    "--crm.sales.staff-departures-queue=" + DEPARTURES_QUEUE, "--crm.sales.customers.url=" + OTHERS.baseUrl(),
                    "--crm.sales.identity-url=" + OTHERS.baseUrl(), "--crm.security.token-uri=" + OTHERS.baseUrl() + "/oauth2/token");
        }
        int port = ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
        return new Http(port, json);
    }

    @Test
    void twoInstancesTakingWalkInsAtOnceKeepTheRotationExact_SA1() throws Exception {
        String[] reps = { "demo-sales-1", "demo-sales-2", "demo-sales-3" };
        rota(reps);
        List<Http> instances = List.of(api, second());
        int walkIns = 30;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < walkIns; i++) {
            Http instance = instances.get(i % 2);
            Map<String, Object> visitor = walkIn("visitor " + i, String.format("1390000%04d", i), "NO");
            Callable<Http.Response> call = () -> {
                start.await();
                return instance.post("/api/v1/reception/offices/" + OFFICE + "/walk-ins", sales("demo-sales-1"), visitor);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<String> receptionIds = new ArrayList<>();
        for (Future<Http.Response> result : results) {
            Http.Response r = result.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            receptionIds.add(r.text("receptionId"));
        }
        pool.shutdown();

        JsonNode rota = rotaView().body();
        JsonNode turns = rota.get("turns");
        assertThat(turns.size()).isEqualTo(walkIns);
        List<String> order = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        for (JsonNode turn : turns) {
            order.add(turn.get("repId").asString());
            logged.add(turn.get("receptionId").asString());
            assertThat(turn.get("counted").asBoolean()).isTrue();
        }
        // in the order the rota recorded them, the turns go strictly round: never the same turn twice, never a skip
        for (int i = 0; i < walkIns; i++) {
            assertThat(order.get(i)).as("turn %d", i).isEqualTo(reps[i % 3]);
        }
        assertThat(logged).containsExactlyInAnyOrderElementsOf(receptionIds);
        for (JsonNode rep : rota.get("reps")) {
            assertThat(rep.get("turnsTaken").asInt()).isEqualTo(walkIns / 3);
        }
        assertThat(events("rotas", OFFICE + ":" + TODAY, "crm.reception.assigned.v1")).hasSize(walkIns);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "receptions")).isEqualTo(walkIns);
    }
}
