package org.crmsuite.platform.config;

import java.time.Clock;
import java.util.List;

import org.crmsuite.platform.identity.CallerArgumentResolver;
import org.crmsuite.platform.web.PingController;
import org.crmsuite.platform.web.ProblemHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web conventions every service shares: problem+json errors, the {@code Caller} argument, one injected clock. */
@AutoConfiguration
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    @ConditionalOnProperty("crm.service.api-root")
    PingController pingController(Clock clock, @Value("${spring.application.name}") String service,
            @Value("${eureka.instance.instance-id:${spring.application.name}}") String instance) {
        return new PingController(clock, service, instance);
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
