package org.crmsuite.complaint.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the jobs ({@code @Scheduled}) unless {@code crm.complaint.jobs.enabled=false}. Every job is safe with several
 * instances running it at once: each claims its work in MongoDB first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crm.complaint.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class Scheduling {
}
