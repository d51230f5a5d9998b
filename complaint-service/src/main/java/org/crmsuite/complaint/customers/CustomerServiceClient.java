package org.crmsuite.complaint.customers;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * customer-service, asked by Feign ({@code lb://customer-service} through discovery unless
 * {@code crm.complaint.customers.url} names it). Carries this service's token (platform); timeouts and the
 * Resilience4j breaker {@code customer-service} are set in application.yml; {@link CustomerServiceFallback} answers
 * when it cannot.
 */
@FeignClient(name = "customer-service", url = "${crm.complaint.customers.url:}",
        fallbackFactory = CustomerServiceFallback.class)
interface CustomerServiceClient {

    @GetMapping("/api/v1/customers/{id}/business-status")
    CustomerBusinessStatus businessStatus(@PathVariable("id") String customerId);
}
