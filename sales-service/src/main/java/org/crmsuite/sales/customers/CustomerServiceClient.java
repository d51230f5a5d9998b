package org.crmsuite.sales.customers;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * customer-service by Feign ({@code lb://customer-service} unless {@code crm.sales.customers.url} names it), with this
 * service's token; timeouts and the breaker {@code customer-service} in application.yml; {@link CustomerServiceFallback}
 * answers when it cannot.
 */
@FeignClient(name = "customer-service", url = "${crm.sales.customers.url:}", fallbackFactory = CustomerServiceFallback.class)
interface CustomerServiceClient {

    @GetMapping("/api/v1/customers/{id}/business-status")
    CustomerBusinessStatus businessStatus(@PathVariable("id") String customerId,
            @RequestParam("department") String department);
}
