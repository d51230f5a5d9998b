package org.crmsuite.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** NO-2 daily digest: routine staff e-mail waits and goes out as one message per person and day, once. */
class DailyDigestTest extends ServiceTestBase {

    @Autowired
    DailyDigest digest;

    private String visitDue(String planId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", planId);
        data.put("customerId", "demo-cust-huaxin");
        data.put("customerName", "Huaxin Steel");
        data.put("ownerId", "demo-sales-1");
        data.put("departmentId", "dept-east-sales");
        data.put("dueBy", "2026-11-30");
        String eventId = newEventId();
        publish("crm.visit.plan-due.v1", "visit.plan.due", eventId, data);
        return eventId;
    }

    @Test
    void routineMailWaitsForOneDigestPerPersonAndDayWhileTheInboxGetsItAtOnce_NO2() throws Exception {
        String first = visitDue("plan-1");
        String second = visitDue("plan-2");
        awaitNotified(first);
        awaitNotified(second);
        dispatcher.runOnce();

        assertThat(SMTP_PRIMARY.getReceivedMessages()).isEmpty();
        assertThat(api.get("/api/v1/notifications/inbox/unread-count", sales("demo-sales-1")).body().path("unread").asLong())
                .isEqualTo(2);
        assertThat(deliveries(first)).filteredOn(d -> d.getChannel() == Channel.EMAIL).extracting(Delivery::getStatus)
                .containsExactly(DeliveryStatus.DIGEST);
        assertThat(digest.runOnce()).as("before the digest time (18:00)").isZero();

        clock.set(Instant.parse("2026-11-23T10:00:00Z")); // 18:00 in Shanghai
        assertThat(digest.runOnce()).isEqualTo(1);
        assertThat(digest.runOnce()).as("once per person and day").isZero();
        dispatcher.runOnce();
        MimeMessage[] mails = SMTP_PRIMARY.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("sales1@crm.local");
        assertThat(mails[0].getSubject()).isEqualTo("[CRM] Daily digest 2026-11-23 (2)");
        assertThat((String) mails[0].getContent()).contains("- Visit due: Huaxin Steel: Visit plan plan-1 for Huaxin Steel is due by 2026-11-30.")
                .contains("plan-2");
        assertThat(deliveries(first)).filteredOn(d -> d.getChannel() == Channel.EMAIL).singleElement().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo(DeliveryStatus.DIGESTED);
            assertThat(d.getDigestId()).isEqualTo("digest:demo-sales-1:2026-11-23");
        });
    }

    @Test
    void aPersonWhoTurnedTheDigestOffGetsEachMailAtOnce_NO2() {
        assertThat(api.put("/api/v1/notifications/preferences/me", sales("demo-sales-1"), Map.of("digest", false)).status())
                .isEqualTo(200);
        String eventId = visitDue("plan-3");
        awaitNotified(eventId);
        dispatcher.runOnce();
        assertThat(SMTP_PRIMARY.getReceivedMessages()).hasSize(1);
    }
}
