package org.crmsuite.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

/** NO-5: versioned templates per event type × channel × locale, checked at save time, previewed, used when sending. */
class TemplateApiTest extends ServiceTestBase {

    private static final String VISIT = "/api/v1/templates/crm.visit.plan-scheduled.v1/SMS/";

    @Test
    void aTemplateUsingAVariableTheEventDoesNotProvideIsRefusedNamingIt_NO5() {
        Api.Response refused = api.put(VISIT + "en", admin(),
                Map.of("body", "Dear {{contactName}}, see you at {{plannedAt}} about order {{orderNumber}}."));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("template.unknown-variable");
        assertThat(refused.text("detail")).contains("'orderNumber'");
        assertThat(refused.body().path("variables").get(0).asString()).isEqualTo("orderNumber");
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("body");
        // nothing was saved: version 1 (the seed) is still the newest
        assertThat(api.get(VISIT + "en", admin()).body()).hasSize(1);
    }

    @Test
    void brokenSyntaxUnknownEventTypeAndPartialsAreRefused_NO5() {
        assertThat(api.put(VISIT + "en", admin(), Map.of("body", "{{#contactName}} unclosed")).text("code"))
                .isEqualTo("template.invalid");
        assertThat(api.put(VISIT + "en", admin(), Map.of("body", "{{> header}}")).text("code")).isEqualTo("template.invalid");
        Api.Response unknownType = api.put("/api/v1/templates/crm.visit.exploded.v1/SMS/en", admin(), Map.of("body", "x"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.text("code")).isEqualTo("event-type.unknown");
        assertThat(unknownType.body().path("known").toString()).contains("crm.visit.plan-scheduled.v1")
                .contains("crm.reception.assigned.v1");
        assertThat(api.put(VISIT + "fr", admin(), Map.of("body", "x")).status()).isEqualTo(400);
        assertThat(api.put(VISIT + "en", agent("demo-agent-1"), Map.of("body", "x")).status()).isEqualTo(403);
    }

    @Test
    void previewRendersTheSampleEventInBothLocales_NO5() {
        Api.Response zh = api.post("/api/v1/templates/preview", admin(),
                Map.of("eventType", "crm.visit.plan-scheduled.v1", "channel", "SMS", "locale", "zh-CN"));
        assertThat(zh.status()).as(zh.raw()).isEqualTo(200);
        assertThat(zh.text("body")).isEqualTo(
                "【CRM】刘洋 Liu Yang您好，我们将于 2026-11-27T02:00:00Z 在 Huaxin Steel HQ, Shanghai 拜访贵司（Quarterly review）。");
        Api.Response en = api.post("/api/v1/templates/preview", admin(), Map.of("eventType", "crm.visit.plan-scheduled.v1",
                "channel", "EMAIL", "locale", "en", "data", Map.of("recipientName", "Ms Wang")));
        assertThat(en.text("subject")).isEqualTo("[CRM] Visit planned: 华信钢铁 Huaxin Steel");
        assertThat(en.text("body")).startsWith("Dear Ms Wang,\n\nWe will visit you on 2026-11-27T02:00:00Z");
        // a draft is previewed without saving, and checked like a save
        Api.Response draft = api.post("/api/v1/templates/preview", admin(), Map.of("eventType", "crm.visit.plan-scheduled.v1",
                "channel", "SMS", "locale", "en", "body", "{{customerName}} at {{place}}"));
        assertThat(draft.text("body")).isEqualTo("华信钢铁 Huaxin Steel at Huaxin Steel HQ, Shanghai");
        assertThat(api.post("/api/v1/templates/preview", admin(), Map.of("eventType", "crm.visit.plan-scheduled.v1",
                "channel", "SMS", "locale", "en", "body", "{{nope}}")).text("code")).isEqualTo("template.unknown-variable");
    }

    @Test
    void savingMakesTheNextVersionAndTheNextMessageUsesIt_NO5() throws Exception {
        Api.Response saved = api.put("/api/v1/templates/crm.complaint.assigned.v1/EMAIL/zh-CN", admin(),
                Map.of("subject", "【新】{{complaintId}} 归您了", "body", "{{recipientName}}：请处理 {{complaintId}}（{{level}}）。", "version", 1));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("version").asInt()).isEqualTo(2);
        assertThat(api.put("/api/v1/templates/crm.complaint.assigned.v1/EMAIL/zh-CN", admin(),
                Map.of("subject", "x", "body", "y", "version", 1)).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/templates/crm.complaint.assigned.v1/EMAIL/zh-CN", admin()).body()).hasSize(2);

        String eventId = newEventId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaintId", "2026-C-000301");
        data.put("handlerId", "demo-agent-1");
        data.put("handlerTier", "AGENT");
        data.put("departmentId", "dept-customer-service");
        data.put("level", "L2");
        data.put("by", "demo-manager-service");
        data.put("resolveDueAt", "2026-11-30T10:00:00Z");
        publish("crm.complaint.assigned.v1", "complaint.case.assigned", eventId, data);
        awaitNotified(eventId);
        dispatcher.runOnce();
        var mail = SMTP_PRIMARY.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("【新】2026-C-000301 归您了");
        assertThat(((String) mail.getContent()).strip()).isEqualTo("周丽 Zhou Li：请处理 2026-C-000301（L2）。");
        assertThat(delivery(eventId + ":complaint-assigned-handler:EMAIL:demo-agent-1").getTemplateVersion()).isEqualTo(2);
    }

    @Test
    void anEnglishSpeakingOwnerGetsTheEnglishTemplate_NO5() {
        String eventId = newEventId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", "plan-7");
        data.put("customerId", "demo-cust-huaxin");
        data.put("customerName", "Huaxin Steel");
        data.put("ownerId", "demo-sales-1");
        data.put("departmentId", "dept-east-sales");
        data.put("dueBy", "2026-11-20");
        data.put("daysOverdue", 3);
        publish("crm.visit.plan-overdue.v1", "visit.plan.overdue", eventId, data);
        awaitNotified(eventId);
        dispatcher.runOnce();
        Api.Response owner = api.get("/api/v1/notifications/inbox", sales("demo-sales-1"));
        assertThat(owner.body().path("items").get(0).path("body").asString())
                .isEqualTo("Visit plan plan-7 for Huaxin Steel is 3 days overdue (due 2026-11-20).");
        Api.Response manager = api.get("/api/v1/notifications/inbox", sales("demo-manager-east"));
        assertThat(manager.body().path("items").get(0).path("title").asString()).isEqualTo("拜访已超期 Huaxin Steel");
        clock.advance(Duration.ZERO);
    }
}
