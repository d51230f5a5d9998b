package org.crmsuite.identity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.crmsuite.identity.directory.Department;
import org.crmsuite.identity.directory.Person;
import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.crmsuite.platform.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Departures reach customer-service (CU-10) and sales-service (SA-8) as {@code crm.staff.left.v1} on the real
 * RabbitMQ: stored in the person's outbox with the change, then published by the relay. A queue of this test's own
 * is bound to this run's exchange, as a consumer's would be to {@code crm.events}.
 */
class StaffDepartureEventTest extends IdentityIntegrationTest {

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    String queue;

    @BeforeEach
    void observeStaffEvents() {
        // not auto-delete: receive() with a timeout consumes briefly, and the broker would drop the queue after it
        queue = admin.declareQueue(new Queue("identity-test.staff-events-" + unique(), false, false, false));
        admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, EXCHANGE, "identity.staff.*", null));
    }

    @AfterEach
    void removeQueue() {
        admin.deleteQueue(queue);
    }

    @Test
    void markingSomeoneLeftPublishesStaffLeftWithTheirDepartmentAndRoles() {
        Department sales = department("East sales", null, null, null);
        Person rep = person("Leaving Rep", Role.SALES, sales.getId());
        String admin = tokenOf(person("Admin", Role.ADMIN, sales.getId()));

        Instant before = Instant.now();
        HttpResponse<String> response = OAuth.call("PUT", url("/api/v1/staff/" + rep.getId()), admin, """
                {"username": "%s", "name": "Leaving Rep", "email": "%s", "locale": "zh-CN", "status": "LEFT",
                 "roles": ["SALES"], "departmentId": "%s", "version": %d}
                """.formatted(rep.getUsername(), rep.getEmail(), sales.getId(), rep.getVersion()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Message message = awaitEvent("crm.staff.left.v1", rep.getId());
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("identity.staff.left");
        JsonNode event = OAuth.json(new String(message.getBody(), StandardCharsets.UTF_8));
        assertThat(event.path("source").asString()).isEqualTo("/identity");
        JsonNode data = event.path("data");
        assertThat(data.path("staffId").asString()).isEqualTo(rep.getId());
        assertThat(data.path("departmentId").asString()).isEqualTo(sales.getId());
        assertThat(data.path("roles").toString()).isEqualTo("[\"SALES\"]");
        assertThat(Instant.parse(data.path("leftAt").asString())).isBetween(before, Instant.now());
    }

    @Test
    void otherChangesPublishStaffChangedWithoutThePassword() {
        Department service = department("Customer service", null, null, null);
        Person agent = person("Changing Agent", Role.AGENT, service.getId());

        Message joined = awaitEvent("crm.staff.changed.v1", agent.getId());

        assertThat(joined.getMessageProperties().getReceivedRoutingKey()).isEqualTo("identity.staff.changed");
        String body = new String(joined.getBody(), StandardCharsets.UTF_8);
        JsonNode data = OAuth.json(body).path("data");
        assertThat(data.path("username").asString()).isEqualTo(agent.getUsername());
        assertThat(data.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(body).doesNotContainIgnoringCase("password");
    }

    private Message awaitEvent(String type, String subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Message message = rabbit.receive(queue, 1000);
            if (message == null) {
                continue;
            }
            JsonNode event = OAuth.json(new String(message.getBody(), StandardCharsets.UTF_8));
            if (type.equals(event.path("type").asString()) && subject.equals(event.path("subject").asString())) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " event for " + subject + " within 20 s");
    }
}
