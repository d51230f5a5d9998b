package org.crmsuite.platform.testapp;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** A Feign client as services write them, pointed at WireMock standing in for another service. */
@FeignClient(name = "echo-service", url = "${test.echo-url:http://127.0.0.1:1}")
public interface EchoClient {

    @GetMapping("/api/v1/echo")
    String echo();
}
