package org.crmsuite.complaint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Complaint service: complaints, work orders and business calendars. Owns the crm_complaint database. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class ComplaintServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintServiceApplication.class, args);
    }
}
