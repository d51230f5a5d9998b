package org.crmsuite.identity.auth;

import java.time.Clock;
import java.time.Duration;

import org.crmsuite.platform.sessions.MongoSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/** HTTP sessions through Spring Session, stored in MongoDB: every identity instance sees every login session. */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class LoginSessionConfig {

    @Bean
    MongoSessions loginSessions(MongoTemplate mongo, Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new MongoSessions(mongo, clock, timeout, "login_sessions");
    }
}
