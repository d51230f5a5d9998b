package org.crmsuite.customer.staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * CU-10 through identity's departure event: the leaver's customers go to the department's remaining sales staff
 * (asked of identity's directory, WireMock here), once, however often the event is delivered. The event travels
 * through the machine's real RabbitMQ.
 */
class StaffDepartureConsumerTest extends ApiTest {

    @BeforeEach
    void identity() {
        IDENTITY.resetAll();
        IDENTITY.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"customer-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        IDENTITY.stubFor(get(urlPathEqualTo("/api/v1/departments/" + EAST + "/staff")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\":[{\"id\":\"demo-sales-1\",\"name\":\"A\"},{\"id\":\"demo-sales-2\",\"name\":\"B\"},"
                        + "{\"id\":\"demo-sales-3\",\"name\":\"Leaver\"}],\"page\":0,\"size\":200,\"totalItems\":3,\"totalPages\":1}")));
    }

    @Test
    void staffLeftEventRedistributesTheLeaversCustomersOnceEvenWhenRedelivered_CU10() {
        List<Customer> leavers = seedMany(EAST, "demo-sales-3", Grade.QUALIFIED, 6);
        Customer otherDepartment = seed(SERVICE_DEPT, "demo-sales-3", Grade.QUALIFIED);
        String eventId = UUID.randomUUID().toString();

        publishStaffLeft(eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> leavers.stream()
                .allMatch(c -> !"demo-sales-3".equals(customers.get(c.getId()).getOwnerId())));

        long toFirst = leavers.stream().filter(c -> "demo-sales-1".equals(customers.get(c.getId()).getOwnerId())).count();
        long toSecond = leavers.stream().filter(c -> "demo-sales-2".equals(customers.get(c.getId()).getOwnerId())).count();
        assertThat(toFirst).isEqualTo(3);
        assertThat(toSecond).isEqualTo(3);
        assertThat(customers.get(otherDepartment.getId()).getOwnerId()).isEqualTo("demo-sales-3");
        IDENTITY.verify(getRequestedFor(urlPathEqualTo("/api/v1/departments/" + EAST + "/staff"))
                .withQueryParam("role", equalTo("SALES")).withQueryParam("status", equalTo("ACTIVE"))
                .withHeader("Authorization", equalTo("Bearer customer-service-token")));

        // the broker delivers the same event again: nothing changes twice
        publishStaffLeft(eventId);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (Customer c : leavers) {
            List<Document> ownerChanges = outbox("customers", c.getId()).stream()
                    .filter(e -> e.getString("type").equals("crm.customer.owner-changed.v1")).toList();
            assertThat(ownerChanges).hasSize(1);
            assertThat(ownerChanges.get(0).get("data", Document.class).getString("reason")).isEqualTo("DEPARTURE");
        }
        IDENTITY.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/departments/" + EAST + "/staff")));
    }

    private void publishStaffLeft(String eventId) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(eventId);
        properties.setContentType("application/cloudevents+json");
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/identity\",\"type\":\"crm.staff.left.v1\","
                + "\"subject\":\"demo-sales-3\",\"time\":\"2026-11-22T08:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"staffId\":\"demo-sales-3\",\"departmentId\":\"" + EAST + "\",\"roles\":[\"SALES\"],"
                + "\"leftAt\":\"2026-11-22T08:00:00Z\"}}";
        BROKER.template().send(BROKER.exchange, "identity.staff.left", new Message(body.getBytes(), properties));
    }
}
