package org.crmsuite.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The staff web console: pages for reception, service agents, dispatchers, account managers and their managers.
 * It owns no business data: every figure on a page comes from a service's public API, called through the gateway
 * with the signed-in person's own access token, so the console can show and do exactly what that person may.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
