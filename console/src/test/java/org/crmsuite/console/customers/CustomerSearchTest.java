package org.crmsuite.console.customers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.crmsuite.console.customers.DemoCustomers.ACME_SUMMARY_MASKED;
import static org.crmsuite.console.customers.DemoCustomers.EAST_SALES;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_SUMMARY;
import static org.crmsuite.console.customers.DemoCustomers.TIANHE_SUMMARY;
import static org.crmsuite.console.customers.DemoCustomers.page;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

/** The customer search page: the service's results for this person, its refusals beside the fields, an outage. */
class CustomerSearchTest extends ConsoleTest {

    @Test
    void resultsAreTheServicesAnswerWithTheFiltersAndTokenOfThePersonAndLinkToThe360Page() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers"))
                .willReturn(okJson(page(0, 20, 2, HONGDA_SUMMARY, TIANHE_SUMMARY))));

        mvc.perform(get("/console/customers").param("name", "宏达").param("nameMatch", "PREFIX").param("grade", "VIP")
                        .param("sort", "priority").with(SignedIn.as("demo-sales-1", EAST_SALES, "SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"customer-search\""),
                        containsString("id=\"customer-results\""), containsString("class=\"customer-row\""),
                        containsString("href=\"/console/customers/demo-customer-01\""),
                        containsString("上海宏达建设集团有限公司"), containsString("913100000000001000"),
                        containsString("2 customers found"))))
                // CU-7: the blacklisted customer is marked in the list
                .andExpect(content().string(containsString("Blacklisted")));

        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1"))
                .withQueryParam("name", equalTo("宏达")).withQueryParam("nameMatch", equalTo("PREFIX"))
                .withQueryParam("grade", equalTo("VIP")).withQueryParam("sort", equalTo("priority"))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("20"))
                .withoutQueryParam("tier").withoutQueryParam("departmentId"));
    }

    @Test
    void maskedResultsStayMaskedAndThePageSaysWhy() throws Exception {
        // CU-3: another rep's customer comes masked; the console shows it so and never anything more
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers"))
                .willReturn(okJson(page(0, 20, 2, HONGDA_SUMMARY, ACME_SUMMARY_MASKED))));

        mvc.perform(get("/console/customers").with(SignedIn.as("demo-sales-1", EAST_SALES, "SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("139****7919"), containsString("masked-note"),
                        containsString("never unmasks"), not(containsString("13910007919")))));
    }

    @Test
    void aChoiceTheConsoleDoesNotOfferIsMarkedAtItsFieldWithoutAskingTheService() throws Exception {
        mvc.perform(get("/console/customers").param("grade", "GOLD").param("page", "two")
                        .with(SignedIn.as("demo-sales-1", EAST_SALES, "SALES")))
                .andExpect(status().is(422))
                .andExpect(content().string(allOf(containsString("id=\"error-grade\""),
                        containsString("is not one of the offered choices"), containsString("id=\"error-page\""))));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theServicesFieldErrorsAppearNextToTheirFields() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"about:blank","title":"Bad Request","status":400,"code":"request.invalid",
                         "detail":"The request is invalid",
                         "errors":[{"field":"registrationNumber","message":"size must be between 0 and 32"}]}""")));

        mvc.perform(get("/console/customers").param("registrationNumber", "9".repeat(40))
                        .with(SignedIn.as("demo-sales-1", EAST_SALES, "SALES")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"error-registrationNumber\""),
                        containsString("size must be between 0 and 32"), containsString("id=\"customer-search\""))));
    }

    @Test
    void withCustomerServiceDownTheFormStaysAndOnlyTheResultsAreUnavailable() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"code\":\"gateway.unavailable\",\"title\":\"Service Unavailable\"}")));

        mvc.perform(get("/console/customers").param("name", "Acme").with(SignedIn.as("demo-sales-1", EAST_SALES, "SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"customer-search\""),
                        containsString("Temporarily unavailable"), containsString("value=\"Acme\""))));
    }

    @Test
    void nextAndPreviousPagesKeepTheFilters() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers"))
                .willReturn(okJson(page(1, 20, 45, HONGDA_SUMMARY))));

        mvc.perform(get("/console/customers").param("category", "KEY").param("page", "1")
                        .with(SignedIn.as("demo-director", "dept-company", "DIRECTOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/console/customers?category=KEY&amp;page=0\""),
                        containsString("href=\"/console/customers?category=KEY&amp;page=2\""))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers")).withQueryParam("page", equalTo("1")));
    }

    @Test
    void typedTextReachesTheServiceAsOneValue() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers")).willReturn(okJson(page(0, 20, 0))));

        mvc.perform(get("/console/customers").param("name", "A&B {x} 100%").with(SignedIn.as("demo-gm", "dept-company", "GM")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("0 customers found")));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers")).withQueryParam("name", equalTo("A&B {x} 100%"))
                .withoutQueryParam("B {x} 100%"));
    }

    @Test
    void onlyRolesThatSearchEveryDepartmentGetTheDepartmentFilter() throws Exception {
        // CU-3: sales reps and managers search their own department; the service applies it, the page says so
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers")).willReturn(okJson(page(0, 20, 0))));

        mvc.perform(get("/console/customers").with(SignedIn.as("demo-manager-east", EAST_SALES, "MANAGER")))
                .andExpect(content().string(allOf(containsString("id=\"own-department-note\""),
                        not(containsString("id=\"search-departmentId\"")), containsString("id=\"admission-queue-link\""))));
        mvc.perform(get("/console/customers").with(SignedIn.as("demo-agent-1", "dept-customer-service", "AGENT")))
                .andExpect(content().string(allOf(containsString("id=\"search-departmentId\""),
                        not(containsString("id=\"admission-queue-link\"")))));
    }
}
