package org.crmsuite.notification.customers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * customer-service's care data (CU-1): birthdays of key contacts between two month-days. When customer-service does not
 * answer, {@link Fallback} says so with a {@link SourceUnavailableException} (never an empty list that would silently
 * skip a day's greetings); the care job logs it and runs the day again on its next pass.
 */
@FeignClient(name = "customer-service", contextId = "notificationCustomers", url = "${crm.notification.customers-url:}",
        fallbackFactory = CustomerServiceClient.Fallback.class)
public interface CustomerServiceClient {

    @GetMapping("/api/v1/customers/birthdays")
    BirthdayPage birthdays(@RequestParam("from") String from, @RequestParam("to") String to,
            @RequestParam("keyOnly") boolean keyOnly, @RequestParam("page") int page, @RequestParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BirthdayPage(List<Birthday> items, int page, int size, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Birthday(String customerId, String customerName, String departmentId, String ownerId, String contactId,
            String contactName, String monthDay, boolean key) {
    }

    /** The degraded answer: a clear error naming customer-service and why. */
    @org.springframework.stereotype.Component
    class Fallback implements org.springframework.cloud.openfeign.FallbackFactory<CustomerServiceClient> {
        @Override
        public CustomerServiceClient create(Throwable cause) {
            return (from, to, keyOnly, page, size) -> {
                throw new SourceUnavailableException("customer-service", cause);
            };
        }
    }
}
