package org.crmsuite.platform.testapp;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** A second client of the same service, told apart by its {@code contextId} as services do when they need two. */
@FeignClient(name = "echo-service", contextId = "echoStatus", url = "${test.echo-url:http://127.0.0.1:1}")
public interface EchoStatusClient {

    @GetMapping("/api/v1/echo/status")
    String status();
}
