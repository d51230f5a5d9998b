package org.crmsuite.visit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.crmsuite.visit.policy.CadencePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Static settings of visit-service ({@code crm.visit.*} in application.yml). The rules' policy values start from
 * {@link #policy()} and are then changed at run time by an administrator ({@link org.crmsuite.visit.policy.Policies}).
 *
 * @param cacheTtl how long an instance reuses the policy it read (0 = read on every use)
 * @param recordFutureTolerance VI-3: how far in the future a visit record may be dated
 * @param calendar the business calendar for deadlines in business days
 * @param customers where customer-service is
 * @param queues the names of the queues this service consumes
 * @param jobs the schedulers
 * @param policy defaults of the run-time cadence policy
 */
@ConfigurationProperties("crm.visit")
public record VisitSettings(Duration cacheTtl, Duration recordFutureTolerance, Calendar calendar, Customers customers,
        Queues queues, Jobs jobs, CadencePolicy policy) {

    public VisitSettings {
        cacheTtl = cacheTtl == null ? Duration.ZERO : cacheTtl;
        recordFutureTolerance = recordFutureTolerance == null ? Duration.ofDays(1) : recordFutureTolerance;
    }

    /** @param holidays / makeUpWorkingDays when set, replace the shipped calendar's days (tests, special offices) */
    public record Calendar(ZoneId zone, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        public Calendar {
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : List.copyOf(makeUpWorkingDays);
        }
    }

    /** @param url customer-service's base URL; blank = {@code lb://customer-service} through discovery */
    public record Customers(String url) {
    }

    public record Queues(String customerView, String ownerChangeVisits, String complaintRevisits) {
    }

    /**
     * @param enabled run the jobs on a schedule (tests run them by hand)
     * @param dueInterval how often the VI-7 pass looks for plans due soon and overdue
     * @param planInterval how often the VI-2 pass extends every customer's plans to the horizon
     * @param lease how long one pass holds its lease (another instance takes over after a crash)
     * @param claimLease how long a claim on one notice holds before another instance may take it over
     * @param batchSize plans or customers per pass
     */
    public record Jobs(boolean enabled, Duration dueInterval, Duration planInterval, Duration lease, Duration claimLease,
            int batchSize) {
    }
}
