package org.crmsuite.console.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import org.crmsuite.console.ConsoleTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * How any page behaves when the API behind it answers: the person's token on every call, a service's refusal in its
 * own words, a service down shown as an unavailable part (never a 500 or a stack trace), an expired or refused
 * token sending the person back through identity. Exercised through a tiny page that calls the gateway.
 */
@Import(GatewayCallsTest.Pages.class)
class GatewayCallsTest extends ConsoleTest {

    @TestConfiguration
    static class Pages {
        @Controller
        static class ProbePage {
            private final GatewayApi api;

            ProbePage(GatewayApi api) {
                this.api = api;
            }

            @GetMapping("/console/probe")
            String probe(Model model) {
                model.addAttribute("problem", new ApiProblem(200, null, String.valueOf(api.getMap("/api/v1/probe").get("answer")),
                        null, Map.of()));
                return "error/problem";
            }

            @PostMapping("/console/probe")
            String create() {
                api.post("/api/v1/probe", Map.of("name", "x"));
                return "redirect:/console/";
            }
        }
    }

    @Test
    void everyCallCarriesThePersonsOwnToken() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/probe").willReturn(okJson("{\"answer\":\"forty-two\"}")));
        mvc.perform(get("/console/probe").with(SignedIn.as("sales1", "dept-sales-east", "SALES")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("forty-two")));
        gateway.verify(getRequestedFor(urlEqualTo("/api/v1/probe")).withHeader("Authorization", equalTo("Bearer token-sales1")));
    }

    @Test
    void aCreatingCallCarriesAnIdempotencyKey() throws Exception {
        gateway.stubFor(WireMock.post("/api/v1/probe").willReturn(okJson("{}").withStatus(201)));
        mvc.perform(post("/console/probe").with(SignedIn.as("sales1", "dept-sales-east", "SALES")).with(csrf()))
                .andExpect(status().isFound());
        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/probe")).withHeader("Idempotency-Key", matching("[0-9a-f-]{36}")));
    }

    @Test
    void aServicesRefusalIsShownInItsOwnWords() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/probe").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The unit is already reserved\",\"code\":\"unit.reserved\"}")));
        mvc.perform(get("/console/probe").with(SignedIn.as("sales1", "dept-sales-east", "SALES")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The unit is already reserved")))
                .andExpect(content().string(containsString("unit.reserved")))
                .andExpect(content().string(containsString("id=\"nav-complaints\""))); // the page keeps its navigation
    }

    @Test
    void aServiceDownShowsThePartAsUnavailableNotAnError() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/probe").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Service Unavailable\",\"status\":503}")));
        mvc.perform(get("/console/probe").header("HX-Request", "true").with(SignedIn.as("sales1", "dept-sales-east", "SALES")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("class=\"unavailable\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeShowsUnavailableInsteadOfHanging() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/probe").willReturn(okJson("{}").withFixedDelay(6000)));
        mvc.perform(get("/console/probe").with(SignedIn.as("sales1", "dept-sales-east", "SALES")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Temporarily unavailable")));
    }

    @Test
    void anExpiringTokenSendsThePersonBackThroughIdentityAndRemembersThePage() throws Exception {
        mvc.perform(get("/console/probe").with(SignedIn.as("sales1", "dept-sales-east", Instant.now().plusSeconds(10), "SALES")))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/console/oauth2/authorization/crm-console"));
        gateway.verify(0, getRequestedFor(urlEqualTo("/api/v1/probe")));
    }

    @Test
    void aTokenTheGatewayRefusesReloadsAnHtmxPartsPage() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/probe").willReturn(aResponse().withStatus(401)));
        mvc.perform(get("/console/probe").header("HX-Request", "true").header("HX-Current-URL", "http://127.0.0.1:8080/console/visits")
                        .with(SignedIn.as("sales1", "dept-sales-east", "SALES")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/console/visits"));
    }
}
