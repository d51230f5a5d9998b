package org.crmsuite.sales.staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * SA-8 through identity's departure event on the machine's RabbitMQ: the leaver's open customers go evenly to the
 * department's remaining sales staff (identity's directory: WireMock), each new owner owes a return visit within 3
 * business days, the leaver leaves the rota; a redelivered event changes nothing twice.
 */
class StaffDepartureTest extends SalesTestBase {

    static final String LEAVER = "demo-sales-3";
    /** Monday 2 March 2026 10:00 + 3 business days: Thursday 5 March at the end of work, 18:00 Shanghai. */
    static final Instant DUE = Instant.parse("2026-03-05T10:00:00Z");

    @BeforeEach
    void directory() {
        OTHERS.stubFor(get(urlPathEqualTo("/api/v1/departments/" + EAST + "/staff")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\":[{\"id\":\"demo-sales-1\",\"name\":\"A\"},{\"id\":\"demo-sales-2\",\"name\":\"B\"},"
                        + "{\"id\":\"demo-sales-3\",\"name\":\"Leaver\"}],\"page\":0,\"size\":200,\"totalItems\":3}")));
    }

    @Test
    void aLeaversOpenCustomersAreSplitEvenlyOnceEvenWhenTheEventIsRedelivered_SA8() {
        for (int i = 0; i < 4; i++) {
            visitedBefore(3 + i, LEAVER, "客户" + i, "1380000040" + i);
        }
        visitedBefore(50, LEAVER, "lapsed", "13800000499");
        rota("demo-sales-1", "demo-sales-2", LEAVER);
        String unit = unit("1101");
        Http.Response deal = api.post("/api/v1/deposits", sales(LEAVER), deposit(unit, "ok-1", "13800000400"));
        assertThat(deal.status()).as(deal.raw()).isEqualTo(201);

        String eventId = UUID.randomUUID().toString();
        publishStaffLeft(eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("origin").is("DEPARTURE")),
                "registrations") == 4);

        List<Document> moved = mongo.find(Query.query(Criteria.where("origin").is("DEPARTURE")), Document.class,
                "registrations");
        assertThat(moved.stream().filter(d -> "demo-sales-1".equals(d.getString("repId"))).count()).isEqualTo(2);
        assertThat(moved.stream().filter(d -> "demo-sales-2".equals(d.getString("repId"))).count()).isEqualTo(2);
        for (Document registration : moved) {
            List<Document> told = events("registrations", registration.get("_id").toString(),
                    "crm.reception.customer-reassigned.v1");
            assertThat(told).hasSize(1);
            Document data = told.get(0).get("data", Document.class);
            assertThat(data.getString("fromRepId")).isEqualTo(LEAVER);
            assertThat(data.getString("reason")).isEqualTo("DEPARTURE");
            assertThat(Instant.parse(String.valueOf(data.get("returnVisitDueBy")))).isEqualTo(DUE);
        }
        // the open deal goes with its customer; the owner of a lapsed registration is not asked to move anything
        String dealOwner = api.get("/api/v1/deposits/" + deal.text("id"), manager()).text("repId");
        String customerOwner = api.get("/api/v1/reception/offices/" + OFFICE + "/registrations/owner?phone=13800000400",
                sales("demo-sales-1")).text("ownerRepId");
        assertThat(dealOwner).isEqualTo(customerOwner).isNotEqualTo(LEAVER);
        // the leaver is off today's rota
        Http.Response rota = rotaView();
        rota.body().get("reps").forEach(r -> {
            if (LEAVER.equals(r.get("repId").asString())) {
                assertThat(r.get("state").asString()).isEqualTo("OFF");
            }
        });
        OTHERS.verify(getRequestedFor(urlPathEqualTo("/api/v1/departments/" + EAST + "/staff"))
                .withQueryParam("role", equalTo("SALES")).withQueryParam("status", equalTo("ACTIVE"))
                .withHeader("Authorization", equalTo("Bearer sales-service-token")));

        publishStaffLeft(eventId);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(mongo.count(Query.query(Criteria.where("origin").is("DEPARTURE")), "registrations")).isEqualTo(4);
        OTHERS.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/departments/" + EAST + "/staff")));
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("sales-service.staff-departures:" + eventId)
                .and("status").is("DONE")), "processed_events")).isEqualTo(1);
    }

    @Test
    void aMessageThatIsNotADepartureGoesToTheDeadLetterQueue_SA8() {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        long before = BROKER.depth(DEPARTURES_QUEUE + ".dlq");
        BROKER.template().send(BROKER.exchange, "identity.staff.left", new Message("not json".getBytes(), properties));
        await().atMost(Duration.ofSeconds(20)).until(() -> BROKER.depth(DEPARTURES_QUEUE + ".dlq") == before + 1);
        assertThat(mongo.count(Query.query(Criteria.where("origin").is("DEPARTURE")), "registrations")).isZero();
    }

    private void publishStaffLeft(String eventId) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(eventId);
        properties.setContentType("application/cloudevents+json");
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/identity\",\"type\":\"crm.staff.left.v1\","
                + "\"subject\":\"" + LEAVER + "\",\"time\":\"2026-03-02T02:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"staffId\":\"" + LEAVER + "\",\"departmentId\":\"" + EAST + "\",\"roles\":[\"SALES\"],"
                + "\"leftAt\":\"2026-03-02T02:00:00Z\"}}";
        BROKER.template().send(BROKER.exchange, "identity.staff.left", new Message(body.getBytes(), properties));
    }

}
