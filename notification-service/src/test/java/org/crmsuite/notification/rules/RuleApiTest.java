package org.crmsuite.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

/** NO-1/NO-2 rules are data: seeded defaults, editable by ADMIN, validated against what the event carries. */
class RuleApiTest extends ServiceTestBase {

    private Map<String, Object> visitScheduled(String kind) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", "plan-" + kind);
        data.put("customerId", "demo-cust-huaxin");
        data.put("customerName", "Huaxin Steel");
        data.put("ownerId", "demo-sales-1");
        data.put("departmentId", "dept-east-sales");
        data.put("kind", kind);
        data.put("purpose", "Review");
        data.put("plannedAt", "2026-11-27T02:00:00Z");
        data.put("place", "HQ");
        data.put("dueBy", "2026-11-30");
        data.put("contactName", "王芳");
        data.put("contactPhone", "13800000001");
        return data;
    }

    @Test
    void theDefaultsAreSeededAndReadableByManagementOnly_NO1_NO2() {
        Api.Response rules = api.get("/api/v1/notifications/rules", admin());
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body().toString()).contains("complaint-received-customer").contains("visit-overdue-manager")
                .contains("reception-assigned-rep");
        assertThat(api.get("/api/v1/notifications/rules", agent("demo-agent-1")).status()).isEqualTo(403);
    }

    @Test
    void aVisitAppointmentTellsTheCustomerAndOnlyTriggeredVisitsTellTheOwner_NO1_NO2() {
        String manual = newEventId();
        publish("crm.visit.plan-scheduled.v1", "visit.plan.scheduled", manual, visitScheduled("MANUAL"));
        String cadence = newEventId();
        publish("crm.visit.plan-scheduled.v1", "visit.plan.scheduled", cadence, visitScheduled("CADENCE"));
        awaitNotified(manual);
        awaitNotified(cadence);
        assertThat(requests(manual)).extracting(r -> r.getString("ruleId")).containsExactly("visit-scheduled-customer");
        assertThat(requests(cadence)).extracting(r -> r.getString("ruleId"))
                .containsExactlyInAnyOrder("visit-scheduled-customer", "visit-scheduled-owner");
    }

    @Test
    void aCancelledVisitIsToldToTheContactNamedWhenItWasPlanned_NO1() throws Exception {
        Map<String, Object> planned = visitScheduled("MANUAL");
        planned.put("contactEmail", "wang.fang@huaxin.example");
        String scheduled = newEventId();
        publish("crm.visit.plan-scheduled.v1", "visit.plan.scheduled", scheduled, planned);
        awaitNotified(scheduled);
        Map<String, Object> cancelled = new LinkedHashMap<>();
        cancelled.put("planId", "plan-MANUAL");
        cancelled.put("customerId", "demo-cust-huaxin");
        cancelled.put("ownerId", "demo-sales-1");
        cancelled.put("departmentId", "dept-east-sales");
        cancelled.put("kind", "MANUAL");
        cancelled.put("plannedAt", "2026-11-27T02:00:00Z");
        cancelled.put("reason", "WITHDRAWN");
        cancelled.put("by", "demo-sales-1");
        String eventId = newEventId();
        publish("crm.visit.plan-cancelled.v1", "visit.plan.cancelled", eventId, cancelled);
        awaitNotified(eventId);
        dispatcher.runOnce();
        assertThat(deliveries(eventId)).extracting(d -> d.getChannel() + " " + d.getRecipient().address() + " " + d.getStatus())
                .containsExactlyInAnyOrder("SMS 13800000001 SENT", "EMAIL wang.fang@huaxin.example SENT");
        assertThat(java.util.Arrays.stream(SMTP_PRIMARY.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).contains("[CRM] 拜访取消");
    }

    @Test
    void aSurveyGoesOutOnTheChannelItsSenderChose_VI5_NO1() {
        Map<String, Object> survey = new LinkedHashMap<>();
        survey.put("surveyId", "survey-1");
        survey.put("customerId", "demo-cust-huaxin");
        survey.put("customerName", "Huaxin Steel");
        survey.put("ownerId", "demo-sales-1");
        survey.put("departmentId", "dept-east-sales");
        survey.put("year", 2026);
        survey.put("channel", "SMS");
        survey.put("templateId", "tpl-1");
        survey.put("templateName", "Annual 2026");
        survey.put("questions", List.of(Map.of("id", "q1", "area", "PRODUCT_QUALITY", "text", "产品质量满意吗？")));
        survey.put("contactName", "王芳");
        survey.put("contactPhone", "13800000001");
        survey.put("contactEmail", "wang.fang@huaxin.example");
        survey.put("sentBy", "demo-sales-1");
        String eventId = newEventId();
        publish("crm.visit.survey-sent.v1", "visit.survey.sent", eventId, survey);
        awaitNotified(eventId);
        dispatcher.runOnce();
        assertThat(deliveries(eventId)).singleElement().satisfies(d -> {
            assertThat(d.getChannel()).isEqualTo(org.crmsuite.notification.delivery.Channel.SMS);
            assertThat(d.getStatus()).isEqualTo(org.crmsuite.notification.delivery.DeliveryStatus.SENT);
        });
        PROVIDERS.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/sms/primary")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.text",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        "【CRM】王芳您好，请对以下问题按 1-5 打分（5 为非常满意）：\nq1. 产品质量满意吗？\n"))));
    }

    @Test
    void anAdminSwitchesARuleOffAndItsEventsNotifyNobody_NO2() {
        Rule rule = this.rules.get("reception-assigned-rep");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventType", rule.getEventType());
        body.put("audience", "REP");
        body.put("channels", List.of("INBOX"));
        body.put("enabled", false);
        body.put("version", rule.getVersion());
        assertThat(api.put("/api/v1/notifications/rules/reception-assigned-rep", sales("demo-sales-1"), body).status())
                .isEqualTo(403);
        Api.Response saved = api.put("/api/v1/notifications/rules/reception-assigned-rep", admin(), body);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.put("/api/v1/notifications/rules/reception-assigned-rep", admin(), body).status()).isEqualTo(409);

        String eventId = newEventId();
        publish("crm.reception.assigned.v1", "sales.reception.assigned", eventId, Map.of("receptionId", "rec-1", "repId",
                "demo-sales-1", "visitorName", "Mr Chen"));
        awaitNotified(eventId);
        assertThat(requests(eventId)).isEmpty();
        clock.advance(Duration.ZERO);
    }

    @Test
    void aRuleTheEventCannotSatisfyIsABadRequestNamingTheField_NO1() {
        Map<String, Object> inboxForCustomer = new LinkedHashMap<>();
        inboxForCustomer.put("id", "complaint-resolved-inbox");
        inboxForCustomer.put("rule", Map.of("eventType", "crm.complaint.resolved.v1", "audience", "CUSTOMER_CONTACT",
                "channels", List.of("INBOX")));
        Api.Response refused = api.post("/api/v1/notifications/rules", admin(), inboxForCustomer);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("channels");

        Map<String, Object> noManager = new LinkedHashMap<>();
        noManager.put("id", "referral-manager");
        noManager.put("rule", Map.of("eventType", "crm.reception.referral-lapsed.v1", "audience", "DEPARTMENT_MANAGER",
                "channels", List.of("EMAIL")));
        assertThat(api.post("/api/v1/notifications/rules", admin(), noManager).body().path("errors").get(0).path("field")
                .asString()).isEqualTo("audience");

        Map<String, Object> unknownType = new LinkedHashMap<>();
        unknownType.put("id", "made-up");
        unknownType.put("rule", Map.of("eventType", "crm.made.up.v1", "audience", "OWNER", "channels", List.of("EMAIL")));
        Api.Response unknown = api.post("/api/v1/notifications/rules", admin(), unknownType);
        assertThat(unknown.text("code")).isEqualTo("event-type.unknown");
        assertThat(unknown.body().path("known").toString()).contains("crm.visit.plan-overdue.v1");

        Map<String, Object> badChannel = new LinkedHashMap<>();
        badChannel.put("id", "bad-channel");
        badChannel.put("rule", Map.of("eventType", "crm.visit.plan-due.v1", "audience", "OWNER", "channels", List.of("PIGEON")));
        assertThat(api.post("/api/v1/notifications/rules", admin(), badChannel).status()).isEqualTo(400);
    }
}
