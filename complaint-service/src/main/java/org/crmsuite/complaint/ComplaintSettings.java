package org.crmsuite.complaint;

import java.time.Duration;

import org.crmsuite.complaint.policy.ComplaintPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Static settings of complaint-service ({@code crm.complaint.*} in application.yml). The rules' policy values start
 * from {@link #policy()} and are then changed at run time by an administrator
 * ({@link org.crmsuite.complaint.policy.Policies}).
 *
 * @param defaultDepartment the department that handles complaints filed by a caller without one (partner systems)
 * @param cacheTtl how long an instance reuses the policy and a calendar it read (a change through another instance
 *        shows after at most this long; 0 = read on every use)
 * @param customers verification of complaints whose customer could not be checked at intake
 * @param jobs the scheduled jobs: SLA clock, customer verification, work-order due times
 * @param policy defaults of the run-time policy until an administrator changes it
 */
@ConfigurationProperties("crm.complaint")
public record ComplaintSettings(String defaultDepartment, Duration cacheTtl, Customers customers, Jobs jobs,
        ComplaintPolicy policy) {

    /**
     * @param url customer-service's base URL; blank = {@code lb://customer-service} through discovery
     * @param verifyBatchSize complaints re-checked per pass of the verification job
     */
    public record Customers(String url, int verifyBatchSize) {
    }

    /**
     * @param enabled run the jobs on a schedule (tests run them by hand)
     * @param slaInterval how often the SLA clock looks for warnings, breaches and overdue progress contacts
     * @param verifyInterval how often unverified customers are checked again
     * @param workOrderInterval how often work orders past their reply-by time are flagged
     * @param claimLease how long a job instance's claim on one check holds before another instance may take it over
     * @param batchSize items handled per pass
     */
    public record Jobs(boolean enabled, Duration slaInterval, Duration verifyInterval, Duration workOrderInterval,
            Duration claimLease, int batchSize) {
    }
}
