package org.crmsuite.notification.policy;

import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The admin-editable notification policy.
 *
 * @param quietHours            default quiet hours for every recipient without their own
 * @param digestEnabled         NO-2: digest-flagged staff e-mail waits for the daily digest
 * @param digestTime            when the daily digest goes out (local time in {@code zone})
 * @param zone                  the office time zone for digests and care messages
 * @param careTime              when the day's care messages (NO-1 birthdays, holidays) go out
 * @param pauseAfterFailures    NO-3: consecutive failed webhook attempts after which a subscription pauses
 */
public record NotificationPolicy(@NotNull @Valid QuietHours quietHours, boolean digestEnabled, @NotNull LocalTime digestTime,
        @NotBlank String zone, @NotNull LocalTime careTime, boolean careBirthdays, boolean careHolidays,
        @Min(1) @Max(1000) int pauseAfterFailures, Long version) {

    public static NotificationPolicy defaults() {
        return new NotificationPolicy(new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), "Asia/Shanghai"), true,
                LocalTime.of(18, 0), "Asia/Shanghai", LocalTime.of(9, 0), true, true, 10, null);
    }

    public NotificationPolicy withVersion(Long v) {
        return new NotificationPolicy(quietHours, digestEnabled, digestTime, zone, careTime, careBirthdays, careHolidays,
                pauseAfterFailures, v);
    }
}
