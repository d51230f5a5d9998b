package org.crmsuite.visit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Visit service: visit plans, visit records and surveys. Owns the crm_visit database. */
@SpringBootApplication
public class VisitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisitServiceApplication.class, args);
    }
}
