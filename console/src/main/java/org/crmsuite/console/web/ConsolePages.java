package org.crmsuite.console.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The landing page (what each role comes here for) and the gateway's liveness probe of the console. */
@Controller
class ConsolePages {

    private final String instance;

    ConsolePages(@org.springframework.beans.factory.annotation.Value("${crm.instance.id:local}") String instance) {
        this.instance = instance;
    }

    @GetMapping({ "/console", "/console/" })
    String home() {
        return "home";
    }

    /** Answered without sign-in: the launcher checks the route through the gateway with it. */
    @GetMapping(path = "/console/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> ping() {
        return Map.of("service", "console", "instance", instance);
    }
}
