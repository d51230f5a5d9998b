package org.crmsuite.visit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Visit service: cadence plans, visit records and scored reports, surveys, due and overdue visits. Owns crm_visit. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class VisitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisitServiceApplication.class, args);
    }
}
