package org.crmsuite.console.visits;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * The visits screen's board of due and overdue visits (VI-7) and its month calendar, against visit-service's API
 * as the gateway serves it. People and customers are those of the demo data (identity's DemoDirectory,
 * visit-service's DemoData).
 */
class VisitBoardTest extends ConsoleTest {

    static final RequestPostProcessor SALES1 = SignedIn.as("demo-sales-1", "dept-east-sales", "SALES");
    static final RequestPostProcessor MANAGER_EAST = SignedIn.as("demo-manager-east", "dept-east-sales", "MANAGER");

    @Test
    void theBoardShowsTheOverdueAndTheDueSoonVisitsTheServiceReportsForThePersonWithTheirDeadlines() throws Exception {
        // VI-7: the service decides what is overdue and what is due soon; the page shows each in its list
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant overdueBy = now.minus(Duration.ofDays(10));
        Instant dueBy = now.plus(Duration.ofDays(2));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visit-plans/due")).withQueryParam("ownerId", equalTo("demo-sales-1"))
                .willReturn(okJson("""
                        {"asOf": "%s", "dueSoonUntil": "%s",
                         "overdue": [{"id": "demo-customer-01:regular:g1:2026-11-12", "customerId": "demo-customer-01",
                                      "customerName": "上海宏达建设集团有限公司", "ownerId": "demo-sales-1", "priority": 1,
                                      "kind": "CADENCE", "purpose": "VI-1 regular visit (1 months)", "plannedAt": "%s",
                                      "dueBy": "%s", "status": "PLANNED"}],
                         "dueSoon": [{"id": "demo-customer-07:regular:g1:2026-11-24", "customerId": "demo-customer-07",
                                      "customerName": "苏州精工医疗器械有限公司", "ownerId": "demo-sales-1", "priority": 2,
                                      "kind": "REVISIT", "purpose": "VI-6 revisit", "plannedAt": "%s", "dueBy": "%s",
                                      "status": "PLANNED"}]}
                        """.formatted(now, now.plus(Duration.ofDays(3)), overdueBy.minus(Duration.ofHours(9)), overdueBy,
                        dueBy.minus(Duration.ofHours(9)), dueBy))));

        String html = mvc.perform(MockMvcRequestBuilders.get("/console/visits/due").header("HX-Request", "true").with(SALES1))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String overdue = between(html, "id=\"overdue-visits\"", "id=\"due-visits\"");
        String dueSoon = html.substring(html.indexOf("id=\"due-visits\""));
        assertThat(overdue).contains("class=\"visit-row overdue\"", "上海宏达建设集团有限公司", "overdue 10 days",
                "data-deadline=\"" + overdueBy + "\"", "Regular visit",
                "/console/visits/record?planId=demo-customer-01:regular:g1:2026-11-12&amp;customerId=demo-customer-01")
                .doesNotContain("苏州精工医疗器械有限公司");
        assertThat(dueSoon).contains("class=\"visit-row due\"", "苏州精工医疗器械有限公司", "data-deadline=\"" + dueBy + "\"",
                "Complaint revisit", " left").doesNotContain("上海宏达建设集团有限公司");
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visit-plans/due"))
                .withQueryParam("ownerId", equalTo("demo-sales-1"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void aManagerMaySeeTheTeamsVisitsWhileSalesPeopleSeeTheirOwn() throws Exception {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visit-plans/due")).willReturn(okJson("""
                {"asOf": "2026-11-22T02:00:00Z", "dueSoonUntil": "2026-11-25T10:00:00Z", "overdue": [],
                 "dueSoon": [{"id": "p-2", "customerId": "demo-customer-02", "customerName": "Acme Trading Co., Ltd.",
                              "ownerId": "demo-sales-2", "kind": "CADENCE", "plannedAt": "2026-11-24T01:00:00Z",
                              "dueBy": "2026-11-24T10:00:00Z", "status": "PLANNED"}]}
                """)));

        mvc.perform(MockMvcRequestBuilders.get("/console/visits").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"visit-due-part\"")))
                .andExpect(content().string(containsString("hx-get=\"/console/visits/due?scope=mine\"")))
                .andExpect(content().string(not(containsString("id=\"scope-team\""))));
        // asking for the team as a salesperson still shows their own visits only
        mvc.perform(MockMvcRequestBuilders.get("/console/visits/due").param("scope", "team").with(SALES1))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Account manager"))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visit-plans/due")).withQueryParam("ownerId", equalTo("demo-sales-1")));

        mvc.perform(MockMvcRequestBuilders.get("/console/visits").param("scope", "team").with(MANAGER_EAST))
                .andExpect(content().string(containsString("id=\"scope-team\"")))
                .andExpect(content().string(containsString("hx-get=\"/console/visits/due?scope=team\"")));
        gateway.resetRequests();
        mvc.perform(MockMvcRequestBuilders.get("/console/visits/due").param("scope", "team").with(MANAGER_EAST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Account manager")))
                .andExpect(content().string(containsString("demo-sales-2")));
        // the department is the service's to decide from the manager's token: the console asks without a filter
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visit-plans/due")).withQueryParam("ownerId", absent())
                .withQueryParam("departmentId", absent())
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-east")));
    }

    @Test
    void whenVisitServiceIsDownTheBoardSaysSoInsteadOfFailingThePage() throws Exception {
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visit-plans/due")).willReturn(WireMock.aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"code\":\"gateway.unavailable\",\"title\":\"Service Unavailable\"}")));

        mvc.perform(MockMvcRequestBuilders.get("/console/visits/due").header("HX-Request", "true").with(SALES1))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("class=\"unavailable\"")))
                .andExpect(content().string(not(containsString("id=\"overdue-visits\""))));
    }

    @Test
    void theCalendarPlacesPlannedAndRecordedVisitsOnTheirDaysOfTheBusinessCalendar() throws Exception {
        // November 2026 in whole weeks from Monday: 26 Oct … 6 Dec, days in Asia/Shanghai (UTC+8)
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visit-plans")).willReturn(okJson("""
                {"items": [
                  {"id": "demo-customer-04:regular:g1:2026-11-12", "customerId": "demo-customer-04",
                   "customerName": "杭州绿源物业管理有限公司", "kind": "CADENCE", "plannedAt": "2026-11-12T01:00:00Z",
                   "dueBy": "2026-11-12T10:00:00Z", "status": "PLANNED"},
                  {"id": "revisit:c-9:1", "customerId": "demo-customer-10", "customerName": "无锡盛世房地产开发有限公司",
                   "kind": "REVISIT", "plannedAt": "2026-11-19T17:00:00Z", "dueBy": "2026-11-20T10:00:00Z",
                   "status": "PLANNED"}],
                 "page": 0, "size": 200, "totalItems": 2}
                """)));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/visits")).willReturn(okJson("""
                {"items": [{"id": "demo-record-01-2", "customerId": "demo-customer-01", "customerName": "上海宏达建设集团有限公司",
                            "mode": "ON_SITE", "visitedAt": "2026-11-03T02:00:00Z"}],
                 "page": 0, "size": 200, "totalItems": 1}
                """)));

        String html = mvc.perform(MockMvcRequestBuilders.get("/console/visits/calendar").param("month", "2026-11")
                        .header("HX-Request", "true").with(SALES1))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("id=\"visit-calendar\"", "November 2026",
                "href=\"/console/visits?month=2026-10&amp;scope=mine\"", "href=\"/console/visits?month=2026-12&amp;scope=mine\"",
                "hx-get=\"/console/visits/calendar?month=2026-12&amp;scope=mine\"");
        assertThat(html.indexOf("data-date=\"2026-10-26\"")).as("the grid starts on the Monday before the 1st").isPositive();
        assertThat(html).contains("data-date=\"2026-12-06\"").doesNotContain("data-date=\"2026-10-25\"", "data-date=\"2026-12-07\"");
        assertThat(day(html, "2026-11-12")).contains("calendar-visit planned", "杭州绿源物业管理有限公司", "09:00",
                "/console/visits/record?planId=demo-customer-04:regular:g1:2026-11-12");
        // 17:00 UTC on the 19th is 01:00 on the 20th in Shanghai
        assertThat(day(html, "2026-11-20")).contains("无锡盛世房地产开发有限公司", "01:00");
        assertThat(day(html, "2026-11-19")).doesNotContain("无锡盛世房地产开发有限公司");
        assertThat(day(html, "2026-11-03")).contains("calendar-visit recorded", "上海宏达建设集团有限公司", "10:00",
                "/console/visits/records/demo-record-01-2");
        assertThat(day(html, "2026-10-26")).contains("other-month");

        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visits"))
                .withQueryParam("from", equalTo("2026-10-25T16:00:00Z")).withQueryParam("to", equalTo("2026-12-06T16:00:00Z"))
                .withQueryParam("ownerId", equalTo("demo-sales-1"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/visit-plans")).withQueryParam("status", equalTo("PLANNED"))
                .withQueryParam("ownerId", equalTo("demo-sales-1")).withQueryParam("size", equalTo("200"))
                .withQueryParam("dueFrom", equalTo("2026-09-24T16:00:00Z")).withQueryParam("dueTo", equalTo("2027-01-06T16:00:00Z")));

        mvc.perform(MockMvcRequestBuilders.get("/console/visits/calendar").param("month", "2026-11").param("lang", "zh-CN")
                        .header("HX-Request", "true").with(SALES1))
                .andExpect(content().string(containsString("2026年11月")))
                .andExpect(content().string(containsString("下个月")));
    }

    @Test
    void aMonthTheConsoleCannotReadIsRefusedWithoutAskingTheService() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/console/visits/calendar").param("month", "November")
                        .header("HX-Request", "true").with(SALES1))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("month: must be a month like 2026-11")));
        mvc.perform(MockMvcRequestBuilders.get("/console/visits").param("month", "2026-13").with(SALES1))
                .andExpect(status().isBadRequest());
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    static String day(String html, String date) {
        int start = html.indexOf("data-date=\"" + date + "\"");
        assertThat(start).as("day " + date + " on the grid").isPositive();
        int end = html.indexOf("data-date=", start + 1);
        // the cell's classes are written before data-date: take them from the start of the tag
        int tag = html.lastIndexOf("<div", start);
        return html.substring(tag, end < 0 ? html.length() : end);
    }

    static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        int end = html.indexOf(to, start);
        assertThat(start).as(from).isPositive();
        assertThat(end).as(to).isPositive();
        return html.substring(start, end);
    }
}
