package org.crmsuite.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single entry point: authenticates every API request (a JWT from identity, docs/security.md), limits each
 * caller's rate and body size, and routes {@code /api/v1/**} to the services found in Eureka and {@code /console/**}
 * to the staff console, which signs its users in itself.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
