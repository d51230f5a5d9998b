package org.crmsuite.console.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.regex.Pattern;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.tomakehurst.wiremock.http.Fault;

/** The person's inbox (NO-2 through the in-app channel, NO-4), marking read, and the navigation's unread badge. */
class InboxTest extends ConsoleTest {

    private static final String INBOX = "/api/v1/notifications/inbox";
    private static final String UNREAD_COUNT = "/api/v1/notifications/inbox/unread-count";

    /** notification-service's demo inbox of demo-sales-1, plus one item already read. */
    private static final String SALES1_INBOX = """
            {"items":[
              {"id":"demo-inbox-2","staffId":"demo-sales-1","eventType":"crm.customer.owner-changed.v1","subject":null,
               "title":"客户移交 demo-cust-huaxin","body":"客户 demo-cust-huaxin 已移交给您（原因：DEPARTURE），请安排回访。",
               "urgent":false,"createdAt":"2026-11-23T01:00:00Z","readAt":null},
              {"id":"demo-inbox-1","staffId":"demo-sales-1","eventType":"crm.visit.plan-due.v1","subject":null,
               "title":"拜访即将到期 华信钢铁 Huaxin Steel","body":"客户 华信钢铁 Huaxin Steel 的拜访计划 plan-42 需在 2026-11-30 前完成。",
               "urgent":true,"createdAt":"2026-11-22T23:00:00Z","readAt":null},
              {"id":"evt-7f3a:reception-assigned-rep:INBOX:demo-sales-1","staffId":"demo-sales-1",
               "eventType":"crm.reception.assigned.v1","subject":"Walk-in assigned","title":null,"body":"陈女士 Ms Chen is yours.",
               "urgent":false,"createdAt":"2026-11-22T02:00:00Z","readAt":"2026-11-22T02:05:00Z"}],
             "page":0,"size":20,"totalItems":3,"unread":2}
            """;

    private static RequestPostProcessor sales1() {
        return SignedIn.as("demo-sales-1", "dept-east-sales", "SALES");
    }

    @Test
    void theInboxShowsThePersonsNotificationsNewestFirstWithTheUnreadOnesMarked() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson(SALES1_INBOX)));

        String html = mvc.perform(MockMvcRequestBuilders.get("/console/inbox").with(sales1()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"inbox-list\""),
                        containsString("2 unread notifications"), containsString("id=\"mark-all-read\""),
                        containsString("客户移交 demo-cust-huaxin"), containsString("Walk-in assigned"),
                        containsString("data-local=\"2026-11-23T01:00:00Z\""))))
                .andReturn().getResponse().getContentAsString();

        assertThat(Pattern.compile("class=\"inbox-item unread\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("class=\"inbox-item\"").matcher(html).results().count()).isEqualTo(1);
        assertThat(html.indexOf("demo-inbox-2")).isLessThan(html.indexOf("demo-inbox-1"));
        assertThat(html).contains(">urgent<").doesNotContain("id=\"subscriptions\"");
        // the service keeps one inbox per token: the console asks for "mine", never names whose
        gateway.verify(getRequestedFor(urlEqualTo(INBOX + "?unreadOnly=false&page=0&size=20"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void unreadOnlyAndPagingAreAskedOfTheService() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson("""
                {"items":[{"id":"demo-inbox-3","eventType":"crm.complaint.assigned.v1","title":"新投诉分配 2026-C-000042",
                  "body":"…","urgent":false,"createdAt":"2026-11-23T01:30:00Z","readAt":null}],
                 "page":1,"size":20,"totalItems":60,"unread":45}
                """)));

        mvc.perform(MockMvcRequestBuilders.get("/console/inbox").param("unreadOnly", "true").param("page", "1")
                        .with(SignedIn.as("demo-agent-1", "dept-customer-service", "AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("45 unread notifications"),
                        containsString("id=\"inbox-previous\""), containsString("href=\"/console/inbox?page=0&amp;unreadOnly=true\""),
                        containsString("id=\"inbox-next\""), containsString("href=\"/console/inbox?page=2&amp;unreadOnly=true\""))));
        gateway.verify(getRequestedFor(urlEqualTo(INBOX + "?unreadOnly=true&page=1&size=20")));
    }

    @Test
    void anEmptyInboxSaysSoAndOffersNothingToMarkRead() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson("""
                {"items":[],"page":0,"size":20,"totalItems":0,"unread":0}""")));

        mvc.perform(MockMvcRequestBuilders.get("/console/inbox").with(SignedIn.as("demo-gm", "dept-company", "GM")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"inbox-empty\""),
                        containsString("No unread notifications"),
                        containsString("id=\"mark-all-read\" class=\"secondary\" disabled=\"disabled\""))));
    }

    @Test
    void markingOneReadTellsTheServiceAndShowsTheListAgain() throws Exception {
        gateway.stubFor(post(urlEqualTo(INBOX + "/demo-inbox-1/read")).willReturn(okJson("""
                {"id":"demo-inbox-1","staffId":"demo-sales-1","readAt":"2026-11-23T02:00:00Z"}""")));
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson(SALES1_INBOX)));

        mvc.perform(MockMvcRequestBuilders.post("/console/inbox/demo-inbox-1/read").header("HX-Request", "true")
                        .with(sales1()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "inbox-changed"))
                .andExpect(content().string(allOf(startsWith("<div id=\"inbox-list\""), not(containsString("<html")))));
        gateway.verify(postRequestedFor(urlEqualTo(INBOX + "/demo-inbox-1/read"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void anItemDeliveredByARuleIsMarkedReadByItsDeliveryId() throws Exception {
        // real items are named after their delivery: <eventId>:<ruleId>:INBOX:<recipient>
        String id = "6f1c2d3e-0a1b-4c5d-9e8f-123456789abc:complaint-assigned-handler:INBOX:demo-agent-1";
        // one path segment on the way to the gateway (the colons percent-encoded), decoded by the service
        String path = INBOX + "/" + id.replace(":", "%3A") + "/read";
        gateway.stubFor(post(urlEqualTo(path)).willReturn(okJson("{\"id\":\"" + id + "\"}")));
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson("""
                {"items":[],"page":0,"size":20,"totalItems":1,"unread":0}""")));

        mvc.perform(MockMvcRequestBuilders.post("/console/inbox/" + id + "/read").header("HX-Request", "true")
                        .with(SignedIn.as("demo-agent-1", "dept-customer-service", "AGENT")).with(csrf()))
                .andExpect(status().isOk());
        gateway.verify(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void markingAllReadWithoutScriptsReturnsToTheInbox() throws Exception {
        gateway.stubFor(post(urlEqualTo(INBOX + "/read-all")).willReturn(okJson("{\"marked\":2}")));

        mvc.perform(MockMvcRequestBuilders.post("/console/inbox/read-all").param("unreadOnly", "true")
                        .with(sales1()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/inbox?page=0&unreadOnly=true"));
        gateway.verify(postRequestedFor(urlEqualTo(INBOX + "/read-all"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void anItemThatIsNotThePersonsIsRefusedAboveTheList() throws Exception {
        gateway.stubFor(post(urlEqualTo(INBOX + "/demo-inbox-3/read")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Not found","status":404,"detail":"inbox-item demo-inbox-3 not found",
                         "code":"inbox-item.not-found"}""")));
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson(SALES1_INBOX)));

        mvc.perform(MockMvcRequestBuilders.post("/console/inbox/demo-inbox-3/read").header("HX-Request", "true")
                        .with(sales1()).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("id=\"inbox-list\""),
                        containsString("inbox-item demo-inbox-3 not found"), containsString("inbox-item.not-found"),
                        containsString("demo-inbox-2"))));
    }

    @Test
    void notificationServiceDownShowsTheListUnavailableInsideTheUsualPage() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(INBOX)).willReturn(aResponse().withStatus(503)));

        mvc.perform(MockMvcRequestBuilders.get("/console/inbox").with(sales1()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"inbox-list\""),
                        containsString("Temporarily unavailable"), containsString("id=\"nav-inbox\""),
                        not(containsString("id=\"mark-all-read\"")))));
    }

    @Test
    void theBadgeIsTheUnreadNumberAsPlainText() throws Exception {
        gateway.stubFor(get(urlEqualTo(UNREAD_COUNT)).willReturn(okJson("{\"unread\":2}")));

        mvc.perform(badge().with(sales1()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/plain")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string("2"));
        // one small call: the badge is polled every minute on every page
        gateway.verify(1, anyRequestedFor(anyUrl()));
        gateway.verify(getRequestedFor(urlEqualTo(UNREAD_COUNT))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void theBadgeIsEmptyWhenNothingIsUnread() throws Exception {
        gateway.stubFor(get(urlEqualTo(UNREAD_COUNT)).willReturn(okJson("{\"unread\":0}")));

        mvc.perform(badge().with(sales1())).andExpect(status().isOk()).andExpect(content().string(""));
    }

    @Test
    void theBadgeIsAnEmpty200WhenNotificationServiceIsDownOrRefuses() throws Exception {
        gateway.stubFor(get(urlEqualTo(UNREAD_COUNT)).willReturn(aResponse().withStatus(503)));
        mvc.perform(badge().with(sales1())).andExpect(status().isOk()).andExpect(content().string(""));

        gateway.stubFor(get(urlEqualTo(UNREAD_COUNT)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mvc.perform(badge().with(sales1())).andExpect(status().isOk()).andExpect(content().string(""));

        gateway.stubFor(get(urlEqualTo(UNREAD_COUNT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>not json</html>")));
        mvc.perform(badge().with(sales1())).andExpect(status().isOk()).andExpect(content().string(""));

        gateway.stubFor(get(urlEqualTo(UNREAD_COUNT)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":500,\"title\":\"Internal\"}")));
        mvc.perform(badge().with(sales1())).andExpect(status().isOk()).andExpect(content().string(""));
    }

    @Test
    void theBadgeStaysEmptyRatherThanReloadingThePageWhenTheTokenRunsOut() throws Exception {
        mvc.perform(badge().with(SignedIn.as("demo-sales-1", "dept-east-sales", Instant.now().plusSeconds(5), "SALES")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Redirect"))
                .andExpect(content().string(""));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder badge() {
        return MockMvcRequestBuilders.get("/console/inbox/badge").header("HX-Request", "true");
    }
}
