package org.crmsuite.customer.policy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Static settings of customer-service ({@code crm.customer.*} in application.yml). The business rules' policy values
 * start from {@link #policy()} and are then changed at run time by an administrator ({@link Policies}).
 *
 * @param tenantId registration numbers are unique per tenant (CU-11); one tenant per deployment for now
 * @param calendar the business calendar used for deadlines stated in business days (CU-6)
 * @param jobs the maintenance job (blacklist expiry, document expiry, overdue VIP downgrades)
 * @param ownership redistribution on departure (CU-10); a fixed {@code seed} makes the random order repeatable
 * @param policy defaults of the run-time policy until an administrator changes it
 */
@ConfigurationProperties("crm.customer")
public record CustomerSettings(String tenantId, Calendar calendar, Jobs jobs, Ownership ownership, CustomerPolicy policy) {

    public record Calendar(ZoneId zone, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        public Calendar {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : List.copyOf(makeUpWorkingDays);
        }
    }

    public record Jobs(boolean enabled, Duration interval, Duration lease) {
    }

    public record Ownership(Long seed) {
    }
}
