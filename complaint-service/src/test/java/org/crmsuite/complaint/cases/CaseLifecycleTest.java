package org.crmsuite.complaint.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The case workflow over HTTP: CO-1/CO-2 intake, CO-4 levels, CO-7 closure, CO-8 workflow and second complaints. */
class CaseLifecycleTest extends ServiceTestBase {

    final String department = uniqueDepartment();
    final String agent = agent("staff-agent-1", department);
    final String manager = manager("staff-manager-1", department);
    final String director = director("staff-director-1", department);

    @Test
    @DisplayName("CO-8: record → acknowledge → accept → investigate → propose → reply → revisit → close, each step with who, when and a note")
    void walksTheWholeWorkflowKeepingWhoWhenAndANoteForEveryStep() {
        String id = file(complaint("vip-walk", "L1", department), agent).text("id");
        for (String state : List.of("ACKNOWLEDGED", "ACCEPTED", "INVESTIGATING")) {
            clock.advance(java.time.Duration.ofMinutes(10));
            Api.Response moved = move(id, state, agent);
            assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
            assertThat(moved.text("state")).isEqualTo(state);
        }
        assertThat(move(id, "SOLUTION_PROPOSED", agent, Map.of("note", "replace the batch", "cause", "Loading  Delay at depot",
                "solution", "re-deliver with priority")).status()).isEqualTo(200);
        assertThat(move(id, "REPLIED", agent).status()).isEqualTo(200);
        assertThat(move(id, "REVISIT", agent).status()).isEqualTo(200);
        Api.Response closed = move(id, "CLOSED", agent, Map.of("rating", 2, "note", "customer content"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        JsonNode view = closed.body();
        assertThat(view.path("state").asString()).isEqualTo("CLOSED");
        assertThat(view.path("open").asBoolean()).isFalse();
        assertThat(view.path("handlerId").asString()).isEqualTo("staff-agent-1"); // the acceptor took it
        assertThat(view.path("cause").asString()).isEqualTo("Loading  Delay at depot");
        assertThat(view.path("rating").path("score").asInt()).isEqualTo(2);
        JsonNode history = view.path("history");
        assertThat(history.findValuesAsString("to")).containsSubsequence("RECEIVED", "ACKNOWLEDGED", "ACCEPTED", "INVESTIGATING",
                "SOLUTION_PROPOSED", "REPLIED", "REVISIT", "CLOSED");
        for (JsonNode step : history) {
            assertThat(step.path("by").asString()).isNotBlank();
            assertThat(step.path("at").asString()).isNotBlank();
            assertThat(step.path("note").asString()).isNotBlank();
        }
        assertThat(view.path("deadlines").findValuesAsString("outcome")).containsOnly("ON_TIME");
        assertThat(caseEvents(id)).containsExactly("crm.complaint.received.v1", "crm.complaint.acknowledged.v1",
                "crm.complaint.assigned.v1", "crm.complaint.resolved.v1", "crm.complaint.closed.v1");
        Document received = events("complaints", id).get(0);
        assertThat(received.getString("routingKey")).isEqualTo("complaint.case.received");
        assertThat(received.get("data", Document.class).getString("complaintId")).isEqualTo(id);
    }

    @Test
    @DisplayName("NO-1/CO-3: the received and acknowledged events name the complainant, so they can be told")
    void receivedAndAcknowledgedEventsCarryTheComplainantsContact() {
        String id = file(complaint(null, "L1", department), agent).text("id"); // a consumer: contact Zhao, 13800000000
        assertThat(move(id, "ACKNOWLEDGED", agent).status()).isEqualTo(200);

        List<Document> events = events("complaints", id);
        Document received = events.get(0).get("data", Document.class);
        Document acknowledged = events.get(1).get("data", Document.class);
        assertThat(events.get(1).getString("type")).isEqualTo("crm.complaint.acknowledged.v1");
        for (Document data : List.of(received, acknowledged)) {
            assertThat(data.getString("contactName")).isEqualTo("Consumer Zhao");
            assertThat(data.getString("contactPhone")).isEqualTo("13800000000");
        }
    }

    @Test
    @DisplayName("CO-3/NO-1: a case escalated before anyone acknowledged it is acknowledged when the next tier takes it on")
    void escalatedBeforeAcknowledgementIsAcknowledgedWhenAccepted() {
        String id = file(complaint(null, "L1", department), agent).text("id");
        assertThat(move(id, "ESCALATED", agent, Map.of("note", "beyond the agent")).status()).isEqualTo(200);
        assertThat(caseEvents(id)).doesNotContain("crm.complaint.acknowledged.v1");

        assertThat(move(id, "ACCEPTED", manager).status()).isEqualTo(200);

        assertThat(caseEvents(id).stream().filter("crm.complaint.acknowledged.v1"::equals)).hasSize(1);
        Document acknowledged = events("complaints", id).stream()
                .filter(e -> "crm.complaint.acknowledged.v1".equals(e.getString("type"))).findFirst().orElseThrow();
        assertThat(acknowledged.get("data", Document.class).getString("contactName")).isEqualTo("Consumer Zhao");
    }

    @Test
    @DisplayName("CO-8: an illegal move is 409 and names the moves that are allowed")
    void illegalTransitionsAre409WithTheAllowedNextStates() {
        String id = file(complaint("qual-illegal", "L1", department), agent).text("id");
        Api.Response skip = move(id, "REPLIED", agent);
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.text("code")).isEqualTo("complaint.illegal-transition");
        assertThat(skip.raw()).contains("\"allowed\":[\"ACKNOWLEDGED\",\"ESCALATED\"]");

        Api.Response unknownState = move(id, "DONE", agent);
        assertThat(unknownState.status()).isEqualTo(400);
        assertThat(unknownState.raw()).contains("RECEIVED").contains("REOPENED");
    }

    @Test
    @DisplayName("CO-7: closing without a rating is 409 complaint.rating-required; a rating outside 1-5 is 400")
    void closingNeedsARatingFromOneToFiveOrCustomerUnreachable() {
        String id = replied(file(complaint("qual-rate", "L1", department), agent).text("id"));
        Api.Response noRating = move(id, "CLOSED", agent);
        assertThat(noRating.status()).isEqualTo(409);
        assertThat(noRating.text("code")).isEqualTo("complaint.rating-required");

        for (int outside : new int[] { 0, 6 }) {
            Api.Response invalid = move(id, "CLOSED", agent, Map.of("rating", outside));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.text("code")).isEqualTo("request.invalid");
            assertThat(invalid.body().path("errors").get(0).path("field").asString()).isEqualTo("rating");
        }

        Api.Response unreachable = move(id, "CLOSED", agent, Map.of("customerUnreachable", true, "note", "3 calls, no answer"));
        assertThat(unreachable.status()).isEqualTo(200);
        assertThat(unreachable.text("state")).isEqualTo("CLOSED");
        assertThat(unreachable.body().path("rating").path("customerUnreachable").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("CO-1/CO-2/CO-4: an unknown level, channel or category is 400 listing the allowed values")
    void unknownLevelChannelOrCategoryIs400ListingTheAllowedValues() {
        Map<String, String> wrong = Map.of("level", "L9", "channel", "PIGEON", "category", "WEATHER");
        Map<String, String> allowed = Map.of("level", "[L1, L2, L3]",
                "channel", "[PHONE, EMAIL, LETTER, FAX, WEB_FORM, IN_PERSON, SUGGESTION_BOX, SMS, SOCIAL_MEDIA, PARTNER_SYSTEM]",
                "category", "[PRODUCT_QUALITY, SERVICE_ATTITUDE, DELIVERY, ORDER_MISMATCH, POLICY, OTHER]");
        wrong.forEach((field, value) -> {
            Map<String, Object> body = new LinkedHashMap<>(complaint("qual-bad", "L1", department));
            body.put(field, value);
            Api.Response refused = api.post("/api/v1/complaints", agent, body);
            assertThat(refused.status()).as(field).isEqualTo(400);
            JsonNode error = refused.body().path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo(field);
            assertThat(error.path("message").asString()).contains(allowed.get(field));
        });
    }

    @Test
    @DisplayName("CO-2: a complaint needs a registered customer or a complainant's contact")
    void aComplaintNeedsACustomerOrAContact() {
        Map<String, Object> anonymous = new LinkedHashMap<>(complaint("qual-x", "L1", department));
        anonymous.remove("customerId");
        Api.Response refused = api.post("/api/v1/complaints", agent, anonymous);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("message").asString()).contains("customerId or a contact");
        Api.Response consumer = file(complaint(null, "L1", department), agent);
        assertThat(consumer.text("customerVerification")).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    @DisplayName("CO-7: a dissatisfied rating (4-5) escalates automatically to the next level with a new deadline")
    void dissatisfiedRatingEscalatesToNextLevel() {
        String id = replied(file(complaint("qual-unhappy", "L1", department), agent).text("id"));
        clock.set("2026-10-13T02:00:00Z"); // Tue 10:00
        Api.Response rated = move(id, "CLOSED", agent, Map.of("rating", 4, "note", "still late"));
        assertThat(rated.status()).as(rated.raw()).isEqualTo(200);
        JsonNode view = rated.body();
        assertThat(view.path("state").asString()).isEqualTo("ESCALATED");
        assertThat(view.path("open").asBoolean()).isTrue();
        assertThat(view.path("level").asString()).isEqualTo("L2");
        assertThat(view.path("handlerTier").asString()).isEqualTo("MANAGER");
        assertThat(view.path("handlerId").isNull() || view.path("handlerId").isMissingNode()).isTrue();
        JsonNode resolve = DeadlinesTest.deadline(view, "RESOLVE");
        assertThat(resolve.path("startedAt").asString()).isEqualTo("2026-10-13T02:00:00Z");
        assertThat(resolve.path("dueAt").asString()).isEqualTo("2026-10-16T10:00:00Z"); // L2: 3 business days → Fri 18:00
        assertThat(view.path("history").findValuesAsString("action")).contains("RATED", "ESCALATED");
        Document escalated = events("complaints", id).stream()
                .filter(e -> e.getString("type").equals("crm.complaint.escalated.v1")).findFirst().orElseThrow();
        assertThat(escalated.get("data", Document.class)).containsEntry("reason", "RATING").containsEntry("toLevel", "L2")
                .containsEntry("rating", 4);
        // the manager tier now handles it; the agent no longer can
        assertThat(move(id, "ACCEPTED", agent).status()).isEqualTo(403);
        assertThat(move(id, "ACCEPTED", manager).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("CO-7: an L3 case rated 4-5 stays open, flagged for the executive meeting")
    void l3RatedDissatisfiedStaysOpenForTheExecutiveMeeting() {
        String id = file(complaint("vip-l3", "L3", department), agent).text("id");
        for (String state : List.of("ACKNOWLEDGED", "ACCEPTED", "INVESTIGATING", "SOLUTION_PROPOSED", "REPLIED")) {
            assertThat(move(id, state, director).status()).isEqualTo(200);
        }
        Api.Response rated = move(id, "CLOSED", director, Map.of("rating", 5));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.text("state")).isEqualTo("ESCALATED");
        assertThat(rated.text("level")).isEqualTo("L3");
        assertThat(rated.body().path("open").asBoolean()).isTrue();
        assertThat(rated.body().path("executiveMeeting").asBoolean()).isTrue();

        Api.Response meeting = api.get("/api/v1/complaints/executive-meeting", director);
        assertThat(meeting.body().findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/v1/complaints/executive-meeting", agent).status()).isEqualTo(403);
        assertThat(caseEvents(id)).contains("crm.complaint.escalated.v1").filteredOn("crm.complaint.major-reported.v1"::equals)
                .hasSize(2); // at intake (L3) and for the executive meeting
    }

    @Test
    @DisplayName("CO-4/CO-8: an L3 complaint is reported to management at once")
    void anL3ComplaintIsReportedToManagementAtOnce() {
        String id = file(complaint("pref-12315", "L3", department), agent).text("id");
        assertThat(caseEvents(id)).containsExactly("crm.complaint.received.v1", "crm.complaint.major-reported.v1");
        Document major = events("complaints", id).get(1);
        assertThat(major.getString("routingKey")).isEqualTo("complaint.case.major-reported");
        assertThat(major.get("data", Document.class)).containsEntry("level", "L3").containsEntry("departmentId", department);
    }

    @Test
    @DisplayName("CO-8: a second complaint on the same matter links to the first and raises the level")
    void aSecondComplaintOnTheSameMatterLinksToTheFirstAndRaisesTheLevel() {
        String first = file(complaint("qual-matter", "L1", department), agent).text("id");
        Map<String, Object> again = new LinkedHashMap<>(complaint("qual-matter", null, department));
        again.put("relatedTo", first);
        Api.Response second = file(again, agent);
        assertThat(second.text("level")).isEqualTo("L2");
        assertThat(second.text("relatedTo")).isEqualTo(first);

        JsonNode firstView = api.get("/api/v1/complaints/" + first, manager).body();
        assertThat(firstView.path("level").asString()).isEqualTo("L2");
        assertThat(firstView.path("state").asString()).isEqualTo("ESCALATED");
        assertThat(firstView.path("relatedComplaints").get(0).asString()).isEqualTo(second.text("id"));
        Document escalated = events("complaints", first).stream()
                .filter(e -> e.getString("type").equals("crm.complaint.escalated.v1")).findFirst().orElseThrow();
        assertThat(escalated.get("data", Document.class)).containsEntry("reason", "SECOND_COMPLAINT");

        again.put("relatedTo", "no-such-complaint");
        Api.Response unknown = api.post("/api/v1/complaints", agent, again);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("complaint.related-not-found");
    }

    @Test
    void aManagerReopensAClosedCaseWithANewResolveDeadline() {
        String id = replied(file(complaint("qual-reopen", "L1", department), agent).text("id"));
        assertThat(move(id, "CLOSED", agent, Map.of("rating", 3)).text("state")).isEqualTo("CLOSED");
        assertThat(move(id, "REOPENED", agent, Map.of("note", "customer called again")).status()).isEqualTo(403);
        assertThat(move(id, "REOPENED", manager).status()).isEqualTo(200);
        assertThat(caseEvents(id)).endsWith("crm.complaint.reopened.v1");
        assertThat(move(id, "INVESTIGATING", manager).text("state")).isEqualTo("INVESTIGATING");
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentETagComesBack() {
        Api.Response filed = file(complaint("qual-etag", "L1", department), agent);
        String id = filed.text("id");
        String etag = filed.header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        assertThat(api.post("/api/v1/complaints/" + id + "/transitions", agent, Map.of("to", "ACKNOWLEDGED", "note", "called"),
                Map.of("If-Match", etag)).header("ETag")).isEqualTo("\"1\"");
        Api.Response stale = api.post("/api/v1/complaints/" + id + "/transitions", agent, Map.of("to", "ACCEPTED", "note", "x"),
                Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text("code")).isEqualTo("concurrency.precondition-failed");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstFiling() {
        Map<String, String> key = Map.of("Idempotency-Key", "form-submit-42");
        Api.Response first = api.post("/api/v1/complaints", agent, complaint("qual-idem", "L1", department), key);
        Api.Response repeat = api.post("/api/v1/complaints", agent, complaint("qual-idem", "L1", department), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.text("id")).isEqualTo(first.text("id"));
        Api.Response otherCaller = api.post("/api/v1/complaints", agent("staff-agent-2", department),
                complaint("qual-idem", "L1", department), key);
        assertThat(otherCaller.text("id")).isNotEqualTo(first.text("id")); // keys are per caller
    }

    @Test
    @DisplayName("CU-7: a blacklisted customer's complaint is still accepted and handled")
    void aBlacklistedCustomersComplaintIsStillAccepted() {
        CUSTOMER_SERVICE.stubFor(get(urlPathMatching("/api/v1/customers/blk-.*/business-status")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"customerId\":\"blk-1\",\"allowed\":false,"
                        + "\"reason\":\"customer.blacklisted\",\"name\":\"Blacklisted Ltd\",\"grade\":\"QUALIFIED\"}")));
        Api.Response filed = file(complaint("blk-1", "L1", department), agent);
        assertThat(filed.text("customerVerification")).isEqualTo("VERIFIED");
        JsonNode customer = api.get("/api/v1/complaints/" + filed.text("id"), agent).body().path("customer");
        assertThat(customer.path("businessAllowed").asBoolean(true)).isFalse();
        assertThat(customer.path("note").asString()).isEqualTo("customer.blacklisted");
    }

    /** Takes a fresh case to REPLIED. */
    String replied(String id) {
        for (String state : List.of("ACKNOWLEDGED", "ACCEPTED", "INVESTIGATING", "SOLUTION_PROPOSED", "REPLIED")) {
            Api.Response moved = move(id, state, agent);
            assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        }
        return id;
    }
}
