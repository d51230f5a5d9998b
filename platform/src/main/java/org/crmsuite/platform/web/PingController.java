package org.crmsuite.platform.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET <api-root>/ping}: which service and instance answered, for checking a route through the gateway
 * end to end (the gateway, discovery and the instance all had to work).
 */
@RestController
public class PingController {

    private final Clock clock;
    private final String service;
    private final String instance;

    public PingController(Clock clock, @Value("${spring.application.name}") String service,
            @Value("${eureka.instance.instance-id:${spring.application.name}}") String instance) {
        this.clock = clock;
        this.service = service;
        this.instance = instance;
    }

    @GetMapping("${crm.service.api-root}/ping")
    public Ping ping() {
        return new Ping(service, instance, clock.instant());
    }

    public record Ping(String service, String instance, Instant time) {
    }
}
