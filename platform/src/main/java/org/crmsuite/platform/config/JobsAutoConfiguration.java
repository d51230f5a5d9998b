package org.crmsuite.platform.config;

import java.time.Clock;

import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.platform.jobs.WorkClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Scheduler coordination between instances of one service: named leases and once-per-key work claims in MongoDB. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        after = PlatformAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
public class JobsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoLeases mongoLeases(MongoTemplate mongo, Clock clock,
            @Value("${crm.jobs.busy-code:${spring.application.name:service}.busy}") String busyCode) {
        return new MongoLeases(mongo, clock, busyCode);
    }

    @Bean
    @ConditionalOnMissingBean
    WorkClaims workClaims(MongoTemplate mongo, Clock clock) {
        return new WorkClaims(mongo, clock);
    }
}
