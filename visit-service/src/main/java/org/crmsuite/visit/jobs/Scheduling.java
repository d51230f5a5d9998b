package org.crmsuite.visit.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the jobs ({@code @Scheduled}) unless {@code crm.visit.jobs.enabled=false} (tests run them by hand). Every job is
 * safe with several instances: a pass runs under a MongoDB lease, each notice under a once-per-key claim.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crm.visit.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class Scheduling {
}
