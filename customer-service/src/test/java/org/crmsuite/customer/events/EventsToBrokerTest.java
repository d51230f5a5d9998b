package org.crmsuite.customer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crmsuite.customer.support.ApiTest;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.OutboxRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The events really leave: what a request stored in the outbox is published by the relay to this run's exchange on the
 * machine's RabbitMQ as a CloudEvent with the documented type, routing key and data, and removed from the outbox.
 */
class EventsToBrokerTest extends ApiTest {

    @Autowired
    OutboxRelay relay;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    EventsProperties events;

    RabbitAdmin admin;
    Queue queue;

    @AfterEach
    void removeQueue() {
        if (admin != null) {
            admin.deleteQueue(queue.getName());
        }
    }

    @Test
    void createdAndGradeChangedArePublishedAsCloudEvents() throws Exception {
        admin = new RabbitAdmin(connections);
        TopicExchange exchange = new TopicExchange(events.getExchange(), true, false);
        admin.declareExchange(exchange);
        queue = new Queue("customer-service-test.events-" + java.util.UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("customer.#"));

        String id = body(POST("/api/v1/customers", managerEast(), customer("台州东方化学有限公司", "91331000MA1X000001", "13600000001"))
                .andExpect(status().isCreated())).get("id").asString();
        PUT("/api/v1/customers/" + id + "/category", managerEast(), Map.of("category", "KEY", "reason", "framework agreement"))
                .andExpect(status().isOk());
        assertThat(outboxTypes(id)).hasSize(2);

        assertThat(relay.drain()).isGreaterThanOrEqualTo(2);
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        List<JsonNode> received = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message message = rabbit.receive(queue.getName(), 5000);
            assertThat(message).isNotNull();
            received.add(json.readTree(new String(message.getBody(), StandardCharsets.UTF_8)));
        }
        assertThat(received).extracting(e -> e.get("type").asString())
                .containsExactly("crm.customer.created.v1", "crm.customer.category-changed.v1");
        JsonNode created = received.get(0);
        assertThat(created.get("specversion").asString()).isEqualTo("1.0");
        assertThat(created.get("source").asString()).isEqualTo("/customer-service");
        assertThat(created.get("subject").asString()).isEqualTo(id);
        assertThat(created.get("data").get("departmentId").asString()).isEqualTo(EAST);
        assertThat(created.get("data").get("grade").asString()).isEqualTo("QUALIFIED");
        assertThat(created.toString()).doesNotContain("13600000001");
        assertThat(received.get(1).get("data").get("to").asString()).isEqualTo("KEY");
        assertThat(outboxTypes(id)).isEmpty();
    }
}
