package org.crmsuite.console.complaints;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Filing a complaint while the customer is on the phone (CO-1, CO-2): the JSON intake needs, its field errors. */
class FileComplaintTest extends ConsoleTest {

    private static final RequestPostProcessor AGENT = SignedIn.as("demo-agent-1", ComplaintJson.DEPARTMENT, "AGENT");

    @Test
    void theFormOffersTheIntakeFieldsWithAPhoneCallAtLevelOnePreselected() throws Exception {
        String html = mvc.perform(get("/console/complaints/new").with(AGENT)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"complaint-form\"", "id=\"complaint-submit\"", "name=\"idempotencyKey\"",
                "name=\"customerId\"", "name=\"contact.name\"", "name=\"contact.phone\"", "name=\"contact.email\"",
                "name=\"contact.kind\"", "name=\"content\"", "name=\"category\"", "name=\"relatedTo\"",
                "<option value=\"PHONE\" selected=\"selected\">Phone</option>",
                "<option value=\"L1\" selected=\"selected\">L1 ordinary</option>");
        // CO-1: a partner system's channel is not the staff's
        assertThat(html).doesNotContain("value=\"PARTNER_SYSTEM\"");
    }

    @Test
    void filingSendsTheRecordTheIntakeNeedsOnceAndOpensTheNewCase() throws Exception {
        // CO-1, CO-2: channel, category, level, the customer and its contact, content, products
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"0\"")
                .withBody("""
                        {"id":"%s","state":"RECEIVED","level":"L1","handlerTier":"AGENT","departmentId":"dept-customer-service",
                         "customerVerification":"VERIFIED","relatedTo":null,"receivedAt":"2026-11-23T01:00:00Z",
                         "acknowledgeDueAt":"2026-11-23T02:00:00Z","acceptDueAt":"2026-11-24T01:00:00Z",
                         "resolveDueAt":"2026-11-24T10:00:00Z"}
                        """.formatted(ComplaintJson.CASE_ID))));

        mvc.perform(filing().param("channel", "PHONE").param("category", "DELIVERY").param("level", "L1")
                        .param("customerId", "demo-customer-21").param("contact.name", "Ms. Chen")
                        .param("contact.phone", "13900000001").param("contact.email", "").param("contact.kind", "CUSTOMER")
                        .param("content", "The second delivery arrived three days late.")
                        .param("products", "Steel pipe DN50\r\n\r\nSteel pipe DN80").param("stores", "").param("relatedTo", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/complaints/" + ComplaintJson.CASE_ID))
                .andExpect(flash().attribute("outcome", hasEntry("state", "RECEIVED")));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/complaints"))
                .withHeader("Authorization", equalTo("Bearer token-demo-agent-1"))
                .withHeader("Idempotency-Key", equalTo("form-key-1"))
                .withRequestBody(equalToJson("""
                        {"channel":"PHONE","category":"DELIVERY","level":"L1","customerId":"demo-customer-21",
                         "content":"The second delivery arrived three days late.",
                         "contact":{"name":"Ms. Chen","phone":"13900000001","kind":"CUSTOMER"},
                         "products":["Steel pipe DN50","Steel pipe DN80"]}
                        """)));
    }

    @Test
    void theServicesFieldErrorsAppearNextToTheirFieldsWithWhatWasTypedKept() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(400, "request.invalid", "The request has invalid fields: contact.email, content",
                        "contact.email", "must be a well-formed email address", "content", "must not be blank"))));

        String html = mvc.perform(filing().param("channel", "PHONE").param("category", "DELIVERY")
                        .param("contact.name", "Ms. Chen").param("contact.email", "chen-at-example").param("content", " "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"error-contact.email\">must be a well-formed email address<",
                "id=\"error-content\">must not be blank<", "value=\"Ms. Chen\"", "value=\"chen-at-example\"",
                "name=\"idempotencyKey\" value=\"form-key-1\"", "id=\"complaint-form\"");
        assertThat(html.indexOf("id=\"error-contact.email\"")).isGreaterThan(html.indexOf("name=\"contact.email\""));
    }

    @Test
    void withNeitherCustomerNorContactTheServicesMessageShowsWhereTheComplainantIsAskedFor() throws Exception {
        // CO-2: a customer id or a contact is required
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(ComplaintJson.problem(400, "request.invalid", "The request has invalid fields: complainantKnown",
                        "complainantKnown", "a complaint needs customerId or a contact with a name"))));

        mvc.perform(filing().param("channel", "PHONE").param("category", "OTHER").param("content", "Rude driver"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "id=\"error-complainantKnown\">a complaint needs customerId or a contact with a name<")));
    }

    @Test
    void intakeDownWhileFilingSaysSoInsteadOfFailing() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(503)));

        mvc.perform(filing().param("channel", "PHONE").param("category", "OTHER").param("content", "x")
                        .param("customerId", "demo-customer-21"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Temporarily unavailable")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    private static MockHttpServletRequestBuilder filing() {
        return post("/console/complaints").param("idempotencyKey", "form-key-1").with(AGENT).with(csrf());
    }
}
