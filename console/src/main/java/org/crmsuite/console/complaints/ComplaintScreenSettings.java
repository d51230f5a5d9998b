package org.crmsuite.console.complaints;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaints screen's settings ({@code crm.console.complaints}).
 *
 * @param zone the time zone of complaint-service's business calendar (the policy's {@code cn-default},
 *             Asia/Shanghai): a time a person types into a work order's reply-by or expected-completion field is read
 *             in it, as the visits screen reads its times in visit-service's
 */
@ConfigurationProperties("crm.console.complaints")
record ComplaintScreenSettings(ZoneId zone) {

    ComplaintScreenSettings {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
