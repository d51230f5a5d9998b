package org.crmsuite.customer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Customer service: customers, admissions and the blacklist. Owns the crm_customer database. */
@SpringBootApplication
@org.springframework.cloud.openfeign.EnableFeignClients
@ConfigurationPropertiesScan
public class CustomerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomerServiceApplication.class, args);
    }
}
