package org.crmsuite.identity.support;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The exchanges of this run ({@link IdentityIntegrationTest#EXCHANGE}) are durable: remove them when the context closes. */
@TestConfiguration(proxyBeanMethods = false)
class RunExchanges {

    @Bean
    DisposableBean deleteRunExchanges(AmqpAdmin admin) {
        return () -> {
            admin.deleteExchange(IdentityIntegrationTest.EXCHANGE);
            admin.deleteExchange(IdentityIntegrationTest.DEAD_LETTER_EXCHANGE);
        };
    }
}
