package org.crmsuite.visit.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VI-5: a yearly satisfaction survey per customer, sent through an event, answered, and the improvement report. */
class SurveyApiTest extends ServiceTestBase {

    String department;
    String templateId;

    @BeforeEach
    void questionnaire() {
        department = unique("d-survey");
        Api.Response created = api.post("/api/v1/surveys/templates", manager("manager-1", department), Map.of(
                "name", "2026 satisfaction", "questions", List.of(
                        Map.of("id", "q1", "area", "product quality", "text", "How do you rate our products?"),
                        Map.of("id", "q2", "area", "delivery", "text", "How do you rate our delivery times?"),
                        Map.of("id", "q3", "area", "service attitude", "text", "How do you rate our staff?"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        templateId = created.text("id");
    }

    Api.Response send(String customerId, String token) {
        return api.post("/api/v1/surveys", token, Map.of("customerId", customerId, "templateId", templateId,
                "channel", "EMAIL", "contact", Map.of("name", "张经理", "email", "zhang@example.com")));
    }

    Api.Response answer(String surveyId, int q1, int q2, int q3) {
        return api.post("/api/v1/surveys/" + surveyId + "/responses", sales("sales-1", department), Map.of("answers", List.of(
                Map.of("questionId", "q1", "score", q1), Map.of("questionId", "q2", "score", q2),
                Map.of("questionId", "q3", "score", q3)), "comment", "Deliveries must improve"));
    }

    @Test
    void aCustomerGetsOneSurveyAYearSentThroughAnEvent_VI5() {
        CustomerView customer = knownCustomer(department, "sales-1", Category.KEY, Grade.VIP, "华东");
        Api.Response sent = send(customer.getId(), sales("sales-1", department));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        assertThat(sent.body().path("year").asInt()).isEqualTo(2026);
        assertThat(sent.text("status")).isEqualTo("SENT");
        Document event = events("surveys", sent.text("id")).get(0);
        assertThat(event.getString("type")).isEqualTo("crm.visit.survey-sent.v1");
        assertThat(event.getString("routingKey")).isEqualTo("visit.survey.sent");
        assertThat(event.get("data", Document.class)).containsEntry("channel", "EMAIL")
                .containsEntry("contactEmail", "zhang@example.com").containsEntry("ownerId", "sales-1");
        assertThat(event.get("data", Document.class).getList("questions", Document.class)).hasSize(3);

        Api.Response replayed = api.post("/api/v1/surveys", sales("sales-1", department), Map.of("customerId", customer.getId(),
                "templateId", templateId, "channel", "EMAIL"), Map.of("Idempotency-Key", "s-1"));
        assertThat(replayed.status()).isEqualTo(409); // a different request (no key before): the year's survey exists
        CustomerView second = knownCustomer(department, "sales-1", Category.KEY, Grade.VIP, "华东");
        Map<String, Object> body = Map.of("customerId", second.getId(), "templateId", templateId, "channel", "SMS");
        Api.Response first = api.post("/api/v1/surveys", sales("sales-1", department), body, Map.of("Idempotency-Key", "s-2"));
        Api.Response repeat = api.post("/api/v1/surveys", sales("sales-1", department), body, Map.of("Idempotency-Key", "s-2"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.text("id")).isEqualTo(first.text("id"));

        Api.Response again = send(customer.getId(), manager("manager-1", department));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("survey.exists");
        assertThat(send(customer.getId(), sales("sales-2", department)).status()).isEqualTo(403);
    }

    @Test
    void answersMustMatchTheQuestionsAndAreTakenOnce_VI5() {
        CustomerView customer = knownCustomer(department, "sales-1", Category.GENERAL, Grade.QUALIFIED, "华东");
        String id = send(customer.getId(), sales("sales-1", department)).text("id");
        Api.Response partial = api.post("/api/v1/surveys/" + id + "/responses", sales("sales-1", department), Map.of(
                "answers", List.of(Map.of("questionId", "q1", "score", 4), Map.of("questionId", "q9", "score", 4))));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body().path("errors")).extracting(e -> e.path("field").asString())
                .contains("answers.q9", "answers.q2", "answers.q3");
        Api.Response outOfScale = api.post("/api/v1/surveys/" + id + "/responses", sales("sales-1", department), Map.of(
                "answers", List.of(Map.of("questionId", "q1", "score", 6))));
        assertThat(outOfScale.status()).isEqualTo(400);

        Api.Response answered = answer(id, 5, 2, 4);
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(answered.body().path("averageScore").asDouble()).isEqualTo(3.67);
        Document event = events("surveys", id).stream().filter(e -> e.getString("type").equals("crm.visit.survey-answered.v1"))
                .findFirst().orElseThrow();
        assertThat(event.get("data", Document.class).getList("lowestAreas", String.class))
                .containsExactly("delivery", "service attitude", "product quality");
        assertThat(answer(id, 5, 5, 5).status()).isEqualTo(409);
    }

    @Test
    void theYearlyRoundAndTheImprovementReportNameTheLowestAreas_VI5() {
        CustomerView a = knownCustomer(department, "sales-1", Category.KEY, Grade.VIP, "华东");
        CustomerView b = knownCustomer(department, "sales-2", Category.GENERAL, Grade.QUALIFIED, "华东");
        CustomerView blacklisted = knownCustomer(department, "sales-2", Category.GENERAL, Grade.QUALIFIED, "华东");
        blacklisted.setBlacklist(List.of(new CustomerView.BlacklistEntry("bl-s", "COMPANY", null)));
        mongo.save(blacklisted);
        send(a.getId(), sales("sales-1", department));

        Api.Response round = api.post("/api/v1/surveys/rounds", manager("manager-1", department),
                Map.of("templateId", templateId, "channel", "SMS"));
        assertThat(round.status()).as(round.raw()).isEqualTo(200);
        assertThat(round.body().path("sent").asInt()).isEqualTo(1);
        assertThat(round.body().path("alreadySurveyed").asInt()).isEqualTo(1);
        assertThat(round.body().path("noBusiness").asInt()).isEqualTo(1);

        List<String> ids = api.get("/api/v1/surveys?year=2026&departmentId=" + department, manager("manager-1", department))
                .body().path("items").valueStream().map(s -> s.path("id").asString()).toList();
        assertThat(ids).hasSize(2);
        assertThat(api.post("/api/v1/surveys/" + ids.get(0) + "/responses", manager("manager-1", department), Map.of("answers",
                List.of(Map.of("questionId", "q1", "score", 5), Map.of("questionId", "q2", "score", 1),
                        Map.of("questionId", "q3", "score", 3)))).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/surveys/" + ids.get(1) + "/responses", manager("manager-1", department), Map.of("answers",
                List.of(Map.of("questionId", "q1", "score", 4), Map.of("questionId", "q2", "score", 2),
                        Map.of("questionId", "q3", "score", 2)))).status()).isEqualTo(200);

        Api.Response report = api.get("/api/v1/surveys/improvement-report?year=2026", manager("manager-1", department));
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().path("departmentId").asString()).isEqualTo(department);
        assertThat(report.body().path("answered").asInt()).isEqualTo(2);
        assertThat(report.body().path("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(report.body().path("lowestAreas").valueStream().map(n -> n.asString()).toList())
                .containsExactly("delivery", "service attitude", "product quality");
        assertThat(report.body().path("areas").get(0).path("average").asDouble()).isEqualTo(1.5);
        assertThat(api.get("/api/v1/surveys/improvement-report?year=2026", sales("sales-1", department)).status()).isEqualTo(403);
    }
}
