package org.crmsuite.visit.customers;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * customer-service, asked by Feign ({@code lb://customer-service} through discovery unless
 * {@code crm.visit.customers.url} names it) to back-fill a customer this service has not heard of. Carries this
 * service's token (platform, role SERVICE: customer-service answers with personal data masked, which is all a visit
 * plan needs). Timeouts and the Resilience4j breaker {@code customer-service} are in application.yml;
 * {@link CustomerServiceFallback} answers when it cannot.
 */
@FeignClient(name = "customer-service", url = "${crm.visit.customers.url:}", fallbackFactory = CustomerServiceFallback.class)
interface CustomerServiceClient {

    @GetMapping("/api/v1/customers/{id}")
    CustomerRecord customer(@PathVariable("id") String customerId);
}
