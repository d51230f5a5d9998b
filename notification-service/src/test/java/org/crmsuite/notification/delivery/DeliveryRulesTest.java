package org.crmsuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;

import org.crmsuite.notification.policy.QuietHours;
import org.junit.jupiter.api.Test;

/** Small rules without Spring: quiet hours (policy) and masking in the attempt log (NO-4). */
class DeliveryRulesTest {

    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), "Asia/Shanghai");

    @Test
    void quietHoursSpanMidnightInTheRecipientsZone() {
        assertThat(night.contains(Instant.parse("2026-11-23T14:00:00Z"))).isTrue(); // 22:00 Shanghai
        assertThat(night.contains(Instant.parse("2026-11-23T23:59:00Z"))).isTrue(); // 07:59
        assertThat(night.contains(Instant.parse("2026-11-24T00:00:00Z"))).isFalse(); // 08:00
        assertThat(night.contains(Instant.parse("2026-11-23T06:00:00Z"))).isFalse(); // 14:00
        assertThat(night.endAfter(Instant.parse("2026-11-23T15:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(night.endAfter(Instant.parse("2026-11-23T22:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), "UTC");
        assertThat(lunch.contains(Instant.parse("2026-11-23T12:30:00Z"))).isTrue();
        assertThat(lunch.contains(Instant.parse("2026-11-23T13:00:00Z"))).isFalse();
    }

    @Test
    void recipientsAreMaskedInTheAttemptLog_NO4() {
        assertThat(Masking.mask(Channel.EMAIL, "liu.yang@crm.local")).isEqualTo("l***@crm.local");
        assertThat(Masking.mask(Channel.SMS, "13800000001")).isEqualTo("138****0001");
        assertThat(Masking.mask(Channel.WEBHOOK, "https://partner.example.com/hooks/secret-path?token=x"))
                .isEqualTo("https://partner.example.com/…");
        assertThat(Masking.mask(Channel.INBOX, "demo-sales-1")).isEqualTo("demo-sales-1");
    }
}
