package org.crmsuite.sales;

import java.time.Duration;
import java.time.ZoneId;

import org.crmsuite.sales.policy.SalesPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Static settings of sales-service ({@code crm.sales.*} in application.yml). The rules' policy values start from
 * {@link #policy()} and are then changed at run time by an administrator ({@code PUT /api/v1/reception/policy}).
 *
 * @param zone the offices' time zone: "today" of a rota, registration dates, statistics periods
 * @param calendarId the shipped business calendar for the SA-8 return-visit deadline (business days)
 * @param rotaRetries how often a reception retries its conditional rota write when another one got in first
 * @param rotaWait how long a reception waits for the rota's lease (then 503 {@code sales-service.busy})
 * @param jobs the referral-lapse job (SA-6), one instance at a time
 * @param policy defaults of the run-time policy
 */
@ConfigurationProperties("crm.sales")
public record SalesSettings(ZoneId zone, String calendarId, int rotaRetries, Duration rotaWait, Jobs jobs,
        SalesPolicy policy) {

    public SalesSettings {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        calendarId = calendarId == null ? "cn-default" : calendarId;
        rotaRetries = rotaRetries <= 0 ? 200 : rotaRetries;
        rotaWait = rotaWait == null ? Duration.ofSeconds(10) : rotaWait;
        jobs = jobs == null ? new Jobs(true, Duration.ofMinutes(5), Duration.ofMinutes(2)) : jobs;
    }

    public record Jobs(boolean enabled, Duration interval, Duration lease) {
    }
}
