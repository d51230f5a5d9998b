package org.crmsuite.visit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crmsuite.platform.events.OutboxRelay;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The visit events reach RabbitMQ as CloudEvents through the platform's outbox relay (run by hand here), with the
 * types and routing keys of docs/events.md that notification-service consumes.
 */
class EventPublishingTest extends ServiceTestBase {

    static String observer;

    @Autowired
    OutboxRelay relay;

    @BeforeAll
    static void observe() {
        RabbitAdmin admin = new RabbitAdmin(BROKER.template().getConnectionFactory());
        TopicExchange exchange = new TopicExchange(BROKER.exchange, true, false);
        admin.declareExchange(exchange);
        observer = admin.declareQueue(new Queue(BROKER.queue + ".observer", false, false, false));
        admin.declareBinding(BindingBuilder.bind(new Queue(observer)).to(exchange).with("visit.#"));
    }

    @Test
    void planAndRecordEventsArePublishedAsCloudEventsWithTheAgreedRoutingKeys() {
        String department = unique("d-pub");
        CustomerView customer = knownCustomer(department, "sales-1", Category.KEY, Grade.QUALIFIED, "华东");
        Api.Response plan = api.post("/api/v1/visit-plans", sales("sales-1", department), Map.of("customerId",
                customer.getId(), "purpose", "Introduce the new product line", "plannedAt", "2026-09-22T02:00:00Z",
                "contact", Map.of("name", "李经理", "phone", "13700000000")));
        assertThat(plan.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/visits", sales("sales-1", department), Map.of("customerId", customer.getId(),
                "planId", plan.text("id"), "mode", "VIDEO", "visitedAt", "2026-09-21T03:00:00Z", "content", "Video call",
                "report", Map.of("productQuality", "GOOD", "serviceAttitude", "TERRIBLE", "productReputation", "FAIR")))
                .status()).isEqualTo(201);

        // the relay publishes up to a batch per collection per pass; earlier tests left their events in the outboxes
        while (relay.drain() > 0) {
            // next batch
        }

        List<JsonNode> mine = new ArrayList<>();
        Message message;
        while ((message = BROKER.receive(observer, 2000)) != null) {
            JsonNode event = Api.JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            if (event.path("data").path("customerId").asString("").equals(customer.getId())) {
                mine.add(event);
                assertThat(message.getMessageProperties().getReceivedRoutingKey())
                        .isEqualTo(switch (event.path("type").asString()) {
                            case "crm.visit.plan-scheduled.v1" -> "visit.plan.scheduled";
                            case "crm.visit.recorded.v1" -> "visit.record.recorded";
                            case "crm.visit.plan-completed.v1" -> "visit.plan.completed";
                            default -> "unexpected";
                        });
            }
        }
        assertThat(mine).extracting(e -> e.path("type").asString()).containsExactlyInAnyOrder(
                "crm.visit.plan-scheduled.v1", "crm.visit.recorded.v1", "crm.visit.plan-completed.v1");
        JsonNode scheduled = mine.stream().filter(e -> e.path("type").asString().endsWith("plan-scheduled.v1")).findFirst()
                .orElseThrow();
        assertThat(scheduled.path("specversion").asString()).isEqualTo("1.0");
        assertThat(scheduled.path("source").asString()).isEqualTo("/visit-service");
        assertThat(scheduled.path("data").path("contactName").asString()).isEqualTo("李经理");
        JsonNode recorded = mine.stream().filter(e -> e.path("type").asString().endsWith("recorded.v1")).findFirst().orElseThrow();
        assertThat(recorded.path("data").path("scores").path("serviceAttitude").asInt()).isZero();
    }
}
