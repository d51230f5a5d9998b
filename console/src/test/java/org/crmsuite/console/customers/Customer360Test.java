package org.crmsuite.console.customers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.crmsuite.console.customers.DemoCustomers.ACME_CONTACTS_MASKED;
import static org.crmsuite.console.customers.DemoCustomers.ACME_PROFILE_MASKED;
import static org.crmsuite.console.customers.DemoCustomers.CUSTOMER_SERVICE;
import static org.crmsuite.console.customers.DemoCustomers.EAST_SALES;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_CONTACTS;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_HISTORY;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_PLANS;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_PROFILE;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_PROJECTS;
import static org.crmsuite.console.customers.DemoCustomers.HONGDA_VISITS;
import static org.crmsuite.console.customers.DemoCustomers.SERVICE_COMPLAINTS;
import static org.crmsuite.console.customers.DemoCustomers.TIANHE_PROFILE;
import static org.crmsuite.console.customers.DemoCustomers.cooperation;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.tomakehurst.wiremock.client.WireMock;

/** Customer 360: a page of parts, each from its own API call, shown as the API answered this person. */
class Customer360Test extends ConsoleTest {

    private static final RequestPostProcessor SALES1 = SignedIn.as("demo-sales-1", EAST_SALES, "SALES");
    private static final RequestPostProcessor MANAGER_SERVICE = SignedIn.as("demo-manager-service", CUSTOMER_SERVICE, "MANAGER");

    private static MockHttpServletRequestBuilder part(String path) {
        return get(path).header("HX-Request", "true");
    }

    @Test
    void thePageHasEveryPartWithItsStableIdAndLoadsThemOneByOne() throws Exception {
        mvc.perform(get("/console/customers/demo-customer-01").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"profile\""),
                        containsString("id=\"classification-history\""), containsString("id=\"contacts\""),
                        containsString("id=\"projects\""), containsString("id=\"customer-visits\""),
                        containsString("id=\"customer-complaints\""), containsString("id=\"cooperation\""),
                        containsString("hx-get=\"/console/customers/demo-customer-01/profile\""),
                        containsString("hx-get=\"/console/customers/demo-customer-01/complaints\""))));
        // the frame calls nothing: a service that is down cannot take the page with it
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theProfileIsTheServicesAnswerForThePersonWithItsClassification() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-01").willReturn(okJson(HONGDA_PROFILE)));

        mvc.perform(part("/console/customers/demo-customer-01/profile").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("上海宏达建设集团有限公司"),
                        containsString("913100000000001000"), containsString("VIP"), containsString("Key"),
                        containsString("Business licence"), containsString("2026-10: 400 t"),
                        not(containsString("profile-masked")))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers/demo-customer-01"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void aMaskedProfileStaysMaskedAndSaysSo() throws Exception {
        // CU-3: another rep's customer in the same department is masked for a sales rep; the console never unmasks
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-02").willReturn(okJson(ACME_PROFILE_MASKED)));
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-02/contacts").willReturn(okJson(ACME_CONTACTS_MASKED)));

        mvc.perform(part("/console/customers/demo-customer-02/profile").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"profile-masked\""),
                        containsString("masked for your role (CU-3)"))));
        mvc.perform(part("/console/customers/demo-customer-02/contacts").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"contacts-masked\""), containsString("139****7919"),
                        containsString("c***@example.com"), containsString("3101**********1234"))));
    }

    @Test
    void aBlacklistedCustomerShowsItsEntryAndAFieldTheConsoleDoesNotKnowIsIgnored() throws Exception {
        // CU-7: the department's blacklist entry with its reason and end
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-13").willReturn(okJson(TIANHE_PROFILE)));

        mvc.perform(part("/console/customers/demo-customer-13/profile").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"profile-blacklist\""),
                        containsString("Economic loss or damage to reputation"), containsString("dept-east-sales"),
                        containsString("data-local=\"2027-05-20T02:00:00Z\""))));
    }

    @Test
    void theClassificationHistoryShowsOnlyCategoryGradeAndTierChangesWithWhoWhenAndWhy() throws Exception {
        // CU-4 / CU-6: every classification change keeps who, when and why; other changes (CU-2) are not listed here
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers/demo-customer-01/history"))
                .willReturn(okJson(HONGDA_HISTORY)));

        mvc.perform(part("/console/customers/demo-customer-01/classification").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Grade changed"), containsString("Preferred"),
                        containsString("Three years of punctual payment"), containsString("demo-manager-east"),
                        containsString("Tier changed"), containsString("Created"),
                        not(containsString("13910000001")), not(containsString("demo-sales-1</span>")))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers/demo-customer-01/history"))
                .withQueryParam("size", equalTo("200")));
    }

    @Test
    void whoMayNotSeeTheFullProfileGetsANoteInsteadOfTheHistory() throws Exception {
        // CU-3: the change history is 403 unless the caller may see the full profile
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers/demo-customer-02/history"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":403,"code":"access.denied","title":"Forbidden",
                         "detail":"The change history is for those who may see the full profile (CU-3)"}""")));

        mvc.perform(part("/console/customers/demo-customer-02/classification").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Not available to your role."),
                        containsString("The change history is for those who may see the full profile (CU-3)"))));
    }

    @Test
    void contactsAndProjectsAreListedAsTheServiceHoldsThem() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-01/contacts").willReturn(okJson(HONGDA_CONTACTS)));
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-01/projects").willReturn(okJson(HONGDA_PROJECTS)));

        mvc.perform(part("/console/customers/demo-customer-01/contacts").with(SALES1))
                .andExpect(content().string(allOf(containsString("联系人1"), containsString("13910000000"),
                        containsString("contact1@example.com"), containsString("key contact"),
                        not(containsString("contacts-masked")))));
        mvc.perform(part("/console/customers/demo-customer-01/projects").with(SALES1))
                .andExpect(content().string(allOf(containsString("浦东物流园二期"), containsString("35000000.00 CNY"),
                        containsString("2027 Q2 完工"))));
    }

    @Test
    void visitsAreThisCustomersRecordsAndOpenPlansFromTheVisitService() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/visits")).willReturn(okJson(HONGDA_VISITS)));
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/visit-plans")).willReturn(okJson(HONGDA_PLANS)));

        mvc.perform(part("/console/customers/demo-customer-01/visits").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Reviewed this quarter&#39;s deliveries"),
                        containsString("Wants earlier notice of price changes."), containsString("Visit score 4.7 of 5"),
                        containsString("Quarterly visit of a VIP customer"),
                        containsString("data-deadline=\"2026-11-30T09:00:00Z\""), containsString("On site"))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visits")).withQueryParam("customerId", equalTo("demo-customer-01"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visit-plans"))
                .withQueryParam("customerId", equalTo("demo-customer-01")).withQueryParam("status", equalTo("PLANNED")));
    }

    @Test
    void complaintsAreOnlyThisCustomersAmongThoseThePersonMaySee() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints")).willReturn(okJson(SERVICE_COMPLAINTS)));

        mvc.perform(part("/console/customers/demo-customer-21/complaints").with(MANAGER_SERVICE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/console/complaints/c-0001\""),
                        containsString("href=\"/console/complaints/c-0003\""), containsString("Delivery"),
                        containsString("Closed"), not(containsString("c-0002")), not(containsString("c-0004")))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/complaints"))
                .withQueryParam("customerId", equalTo("demo-customer-21"))
                .withQueryParam("sort", equalTo("receivedAt,desc")).withQueryParam("size", equalTo("20"))
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-service")));
    }

    @Test
    void aRoleThatSeesNoComplaintsGetsANoteInThatPartOnly() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":403,\"code\":\"access.denied\",\"detail\":\"Your role does not see complaints\"}")));

        mvc.perform(part("/console/customers/demo-customer-01/complaints").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Not available to your role."),
                        containsString("Your role does not see complaints"))));
    }

    @Test
    void withTheVisitServiceDownOnlyTheVisitsPartIsUnavailable() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/visits")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503,\"title\":\"down\"}")));
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-01").willReturn(okJson(HONGDA_PROFILE)));

        mvc.perform(part("/console/customers/demo-customer-01/visits").with(SALES1))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("Temporarily unavailable"), not(containsString("<html")))));
        mvc.perform(part("/console/customers/demo-customer-01/profile").with(SALES1))
                .andExpect(status().isOk()).andExpect(content().string(containsString("上海宏达建设集团有限公司")));
    }

    @Test
    void anUnknownCustomerShowsTheServicesNotFoundInThePart() throws Exception {
        gateway.stubFor(WireMock.get("/api/v1/customers/demo-customer-99").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":404,"code":"customer.not-found","title":"Not Found","detail":"customer demo-customer-99 not found"}""")));

        mvc.perform(part("/console/customers/demo-customer-99/profile").with(SALES1))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("customer demo-customer-99 not found"),
                        containsString("customer.not-found"))));
    }

    @Test
    void cooperationHistoryIsPagedWithinItsPart() throws Exception {
        String[] first = new String[10];
        for (int i = 0; i < 10; i++) {
            first[i] = cooperation(i + 1);
        }
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/customers/demo-customer-01/cooperations"))
                .willReturn(okJson(page(0, 10, 12, first))));

        mvc.perform(part("/console/customers/demo-customer-01/cooperations").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("HT-2026-001"), containsString("1200000.00 CNY"),
                        containsString("id=\"cooperation-next\""),
                        containsString("hx-get=\"/console/customers/demo-customer-01/cooperations?page=1\""))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/customers/demo-customer-01/cooperations"))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("10")));
    }
}
