package org.crmsuite.sales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Sales service: the sales-office reception desk (rota, registrations, referrals), units, deposits and commission. Owns the crm_sales database. */
@SpringBootApplication
@EnableFeignClients
@ConfigurationPropertiesScan
public class SalesServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesServiceApplication.class, args);
    }
}
