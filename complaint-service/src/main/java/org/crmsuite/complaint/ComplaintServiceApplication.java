package org.crmsuite.complaint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Complaint service: complaints, work orders and business calendars. Owns the crm_complaint database. */
@SpringBootApplication
public class ComplaintServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintServiceApplication.class, args);
    }
}
