package org.crmsuite.complaint.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.crmsuite.platform.events.OutboxRelay;

import tools.jackson.databind.JsonNode;

/**
 * The events reach RabbitMQ as CloudEvents through the platform's outbox relay (run by hand here), with the routing keys
 * of docs/events.md. An observer queue on this run's exchange sees what was published.
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
        admin.declareBinding(BindingBuilder.bind(new Queue(observer)).to(exchange).with("complaint.#"));
    }

    @Test
    void caseAndWorkOrderEventsArePublishedAsCloudEventsWithTheirRoutingKeys() {
        String department = uniqueDepartment();
        String id = file(complaint("vip-events", "L3", department), agent("staff-agent-1", department)).text("id");
        Api.Response order = api.post("/api/v1/work-orders", dispatcher("staff-dispatcher-1", department), Map.of(
                "assigneeId", "staff-agent-1", "location", "Site A", "task", "inspect", "replyBy", "2026-10-13T08:00:00Z",
                "complaintId", id));
        String orderId = order.text("id");

        relay.drain();

        List<Message> mine = new ArrayList<>();
        Message message;
        while ((message = BROKER.receive(observer, 2000)) != null) {
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            if (body.contains(id) || body.contains(orderId)) {
                mine.add(message);
            }
        }
        assertThat(mine).extracting(m -> m.getMessageProperties().getReceivedRoutingKey())
                .containsExactly("complaint.case.received", "complaint.case.major-reported", "complaint.work-order.issued");

        Message received = mine.get(0);
        JsonNode event = Api.JSON.readTree(received.getBody());
        assertThat(received.getMessageProperties().getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(received.getMessageProperties().getMessageId()).isEqualTo(event.path("id").asString());
        assertThat(event.path("specversion").asString()).isEqualTo("1.0");
        assertThat(event.path("type").asString()).isEqualTo("crm.complaint.received.v1");
        assertThat(event.path("source").asString()).isEqualTo("/complaint-service");
        assertThat(event.path("subject").asString()).isEqualTo(id);
        assertThat(event.path("data").path("complaintId").asString()).isEqualTo(id);
        assertThat(event.path("data").path("level").asString()).isEqualTo("L3");
        assertThat(event.path("data").path("acknowledgeDueAt").asString()).isEqualTo("2026-10-12T03:00:00Z");
        assertThat(Api.JSON.readTree(mine.get(2).getBody()).path("type").asString())
                .isEqualTo("crm.complaint.work-order-issued.v1");

        assertThat(events("complaints", id)).isEmpty(); // published and confirmed: gone from the outbox
    }
}
