package org.crmsuite.console.dashboards;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import com.jayway.jsonpath.JsonPath;

/**
 * Dashboards: the month selector, complaint-service's CO-9 summary as four charts with tables, sales-service's SA-10
 * reception conversion, each service's part failing on its own.
 */
class DashboardsTest extends ConsoleTest {

    private static final String SUMMARY = "/api/v1/complaints/reports/summary";
    private static final String STATISTICS = "/api/v1/reception/statistics";

    /** complaint-service's answer for manager.service in November: the six demo complaints of its department. */
    private static final String NOVEMBER_SUMMARY = """
            {"period":"MONTH","firstDay":"2026-11-01","lastDay":"2026-11-30","from":"2026-10-31T16:00:00Z",
             "to":"2026-11-30T16:00:00Z","departmentId":"dept-customer-service",
             "summary":{"total":6,"open":5,"closed":1,
               "byCategory":{"DELIVERY":1,"ORDER_MISMATCH":1,"POLICY":1,"PRODUCT_QUALITY":2,"SERVICE_ATTITUDE":1},
               "byLevel":{"L1":4,"L2":1,"L3":1},
               "byChannel":{"EMAIL":1,"IN_PERSON":1,"LETTER":1,"PHONE":1,"SOCIAL_MEDIA":1,"WEB_FORM":1},
               "byHandler":{"(none)":4,"demo-agent-1":1,"demo-manager-service":1},
               "onTime":{"ACCEPT":{"onTime":1,"late":0,"rate":1.0},"ACKNOWLEDGE":{"onTime":3,"late":1,"rate":0.75},
                         "RESOLVE":{"onTime":0,"late":0,"rate":null}},
               "breachesByHandler":{"(none)":1},
               "ratings":{"1":2,"2":1,"3":1,"4":1,"UNREACHABLE":1},"satisfiedShare":0.8,
               "topCauses":[{"cause":"late delivery","count":1}]}}
            """;

    /** sales-service's answer for manager.east in November: the East Bund office's demo desk. */
    private static final String NOVEMBER_STATISTICS = """
            {"period":"MONTHLY","from":"2026-11-01","to":"2026-11-30","officeIds":["office-east-bund"],
             "perRep":[
               {"key":"demo-sales-1","visitors":3,"calls":0,"deposits":1,"contracts":0,"depositConversionPercent":33.3,"contractConversionPercent":0.0},
               {"key":"demo-sales-2","visitors":1,"calls":0,"deposits":0,"contracts":0,"depositConversionPercent":0.0,"contractConversionPercent":0.0},
               {"key":"demo-sales-3","visitors":0,"calls":1,"deposits":0,"contracts":0,"depositConversionPercent":null,"contractConversionPercent":null}],
             "perProject":[{"key":"proj-east-bund","visitors":4,"calls":1,"deposits":1,"contracts":0,"depositConversionPercent":25.0,"contractConversionPercent":0.0}],
             "total":{"key":"total","visitors":4,"calls":1,"deposits":1,"contracts":0,"depositConversionPercent":25.0,"contractConversionPercent":0.0}}
            """;

    @Autowired
    private Clock clock;

    private static RequestPostProcessor managerEast() {
        return SignedIn.as("demo-manager-east", "dept-east-sales", "MANAGER");
    }

    private static RequestPostProcessor managerService() {
        return SignedIn.as("demo-manager-service", "dept-customer-service", "MANAGER");
    }

    private static MockHttpServletRequestBuilder part(String path) {
        return MockMvcRequestBuilders.get(path).header("HX-Request", "true");
    }

    @Test
    void aManagerGetsTheMonthSelectorAndOnePartPerServiceLoadedSeparately() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/console/dashboards").param("month", "2026-11").with(managerEast()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"month\""), containsString("value=\"2026-11\""),
                        containsString("hx-get=\"/console/dashboards/complaints?month=2026-11\""),
                        containsString("hx-get=\"/console/dashboards/conversion?month=2026-11\""),
                        containsString("href=\"/console/dashboards?month=2026-10\""),
                        containsString("href=\"/console/dashboards?month=2026-12\""))));
        // the page itself asks no service: a service that is down cannot take the page with it
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutAMonthTheCurrentMonthOfTheBusinessZoneIsShown() throws Exception {
        String thisMonth = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
        mvc.perform(MockMvcRequestBuilders.get("/console/dashboards").with(managerEast()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/dashboards/complaints?month=" + thisMonth)));
    }

    @Test
    void aMonthTheConsoleCannotReadIsShownAtTheFieldAndNothingIsAsked() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/console/dashboards").param("month", "2026-13").with(managerEast()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"error-month\""),
                        containsString("Give the month as year and month"), containsString("value=\"2026-13\""),
                        not(containsString("/console/dashboards/complaints?")))));
        mvc.perform(part("/console/dashboards/complaints").param("month", "November").with(managerEast()))
                .andExpect(status().isBadRequest());
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void dashboardsAreForManagersAndAbove() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/console/dashboards").with(SignedIn.as("demo-sales-1", "dept-east-sales", "SALES")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Dashboards are for managers and above"),
                        not(containsString("/console/dashboards/complaints?")))));
        mvc.perform(MockMvcRequestBuilders.get("/console/dashboards").with(SignedIn.as("demo-director", "dept-company", "DIRECTOR")))
                .andExpect(status().isOk());
    }

    @Test
    void complaintVolumesByCategoryAndLevelAreChartedAndTabulatedFromTheMonthlySummary() throws Exception {
        // CO-9: the calendar month containing the date, the manager's own department (the service decides)
        gateway.stubFor(get(urlPathEqualTo(SUMMARY)).withQueryParam("period", equalTo("MONTH"))
                .withQueryParam("date", equalTo("2026-11-01")).willReturn(okJson(NOVEMBER_SUMMARY)));

        String html = mvc.perform(part("/console/dashboards/complaints").param("month", "2026-11").with(managerService()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("6 received: 5 open, 1 closed"),
                        containsString("department dept-customer-service"), not(containsString("<html")))))
                .andReturn().getResponse().getContentAsString();

        String category = chartConfig(html, "chart-volume-category");
        assertThat(JsonPath.<String>read(category, "$.type")).isEqualTo("bar");
        assertThat(JsonPath.<List<String>>read(category, "$.data.labels")).containsExactly("Product quality",
                "Service attitude", "Delivery", "Order mismatch", "Policy", "Other");
        assertThat(JsonPath.<List<Integer>>read(category, "$.data.datasets[0].data")).containsExactly(2, 1, 1, 1, 1, 0);
        String level = chartConfig(html, "chart-volume-level");
        assertThat(JsonPath.<List<String>>read(level, "$.data.labels")).containsExactly("L1 (agents)", "L2 (managers)",
                "L3 (directors)");
        assertThat(JsonPath.<List<Integer>>read(level, "$.data.datasets[0].data")).containsExactly(4, 1, 1);

        assertThat(row(html, "table-volume-category", "PRODUCT_QUALITY")).contains("Product quality", ">2<", "33.3%");
        assertThat(row(html, "table-volume-category", "OTHER")).contains(">0<", "0%");
        assertThat(row(html, "table-volume-level", "L3")).contains(">1<", "16.7%");
        gateway.verify(getRequestedFor(urlPathEqualTo(SUMMARY))
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-service")));
    }

    @Test
    void onTimeRateAndSatisfactionAreChartedWithTheirFiguresBelow() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(okJson(NOVEMBER_SUMMARY)));

        String html = mvc.perform(part("/console/dashboards/complaints").param("month", "2026-11").with(managerService()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // CO-3/CO-5: met on time vs. late, per deadline kind; a kind nothing has met yet has no rate
        String onTime = chartConfig(html, "chart-on-time");
        assertThat(JsonPath.<List<String>>read(onTime, "$.data.labels")).containsExactly("Acknowledge", "Accept", "Resolve");
        assertThat(JsonPath.<List<Object>>read(onTime, "$.data.datasets[0].data")).containsExactly(75.0, 100.0, null);
        assertThat(row(html, "table-on-time", "ACKNOWLEDGE")).contains(">3<", ">1<", "75%");
        assertThat(row(html, "table-on-time", "RESOLVE")).contains("–");

        // CO-7: ratings 1 very satisfied … 5 very dissatisfied, and unreachable; 1–3 count as satisfied
        String satisfaction = chartConfig(html, "chart-satisfaction");
        assertThat(JsonPath.<List<String>>read(satisfaction, "$.data.labels")).containsExactly("1 very satisfied",
                "2 satisfied", "3 acceptable", "4 dissatisfied", "5 very dissatisfied", "Customer unreachable");
        assertThat(JsonPath.<List<Integer>>read(satisfaction, "$.data.datasets[0].data")).containsExactly(2, 1, 1, 1, 0, 1);
        assertThat(html).containsPattern("id=\"satisfied-share\"[\\s\\S]*?80%");
    }

    @Test
    void receptionConversionPerRepIsChartedAndTabulatedFromSalesStatistics() throws Exception {
        // SA-10: sales-service computes conversion (deposits and contracts in % of visitors) for the month
        gateway.stubFor(get(urlPathEqualTo(STATISTICS)).withQueryParam("period", equalTo("MONTHLY"))
                .withQueryParam("date", equalTo("2026-11-01")).willReturn(okJson(NOVEMBER_STATISTICS)));

        String html = mvc.perform(part("/console/dashboards/conversion").param("month", "2026-11").with(managerEast()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"conversion-no-offices\""))))
                .andReturn().getResponse().getContentAsString();

        String chart = chartConfig(html, "chart-conversion");
        assertThat(JsonPath.<List<String>>read(chart, "$.data.labels")).containsExactly("demo-sales-1", "demo-sales-2",
                "demo-sales-3");
        assertThat(JsonPath.<List<Object>>read(chart, "$.data.datasets[0].data")).containsExactly(33.3, 0.0, null);
        assertThat(JsonPath.<String>read(chart, "$.data.datasets[1].label")).isEqualTo("Contract conversion (%)");
        assertThat(row(html, "table-conversion", "demo-sales-1")).contains(">3<", "33.3%");
        assertThat(html).containsPattern("id=\"conversion-total\"[\\s\\S]*?>4<[\\s\\S]*?25%");
        gateway.verify(getRequestedFor(urlPathEqualTo(STATISTICS))
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-east")));
    }

    @Test
    void complaintServiceDownShowsUnavailableInTheComplaintChartsOnly() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(aResponse().withStatus(503)));
        gateway.stubFor(get(urlPathEqualTo(STATISTICS)).willReturn(okJson(NOVEMBER_STATISTICS)));

        mvc.perform(part("/console/dashboards/complaints").param("month", "2026-11").with(managerEast()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("Temporarily unavailable"),
                        not(containsString("chart-volume-category")))));
        mvc.perform(part("/console/dashboards/conversion").param("month", "2026-11").with(managerEast()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-conversion\"")));
    }

    @Test
    void salesServiceDownShowsUnavailableInTheConversionChartOnly() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(STATISTICS)).willReturn(aResponse().withStatus(504)));
        gateway.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(okJson(NOVEMBER_SUMMARY)));

        mvc.perform(part("/console/dashboards/conversion").param("month", "2026-11").with(managerEast()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("Temporarily unavailable"),
                        not(containsString("chart-conversion")))));
        mvc.perform(part("/console/dashboards/complaints").param("month", "2026-11").with(managerEast()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-satisfaction\"")));
    }

    @Test
    void aManagerWithoutSalesOfficesIsToldSoUnderAnEmptyChart() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(STATISTICS)).willReturn(okJson("""
                {"period":"MONTHLY","from":"2026-11-01","to":"2026-11-30","officeIds":[],"perRep":[],"perProject":[],
                 "total":{"key":"total","visitors":0,"calls":0,"deposits":0,"contracts":0,
                          "depositConversionPercent":null,"contractConversionPercent":null}}
                """)));

        mvc.perform(part("/console/dashboards/conversion").param("month", "2026-11").with(managerService()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"conversion-no-offices\""),
                        containsString("id=\"chart-conversion\""))));
    }

    @Test
    void chartLabelsFollowThePersonsLanguage() throws Exception {
        gateway.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(okJson(NOVEMBER_SUMMARY)));

        String html = mvc.perform(part("/console/dashboards/complaints").param("month", "2026-11").param("lang", "zh-CN")
                        .with(managerService()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按类别统计投诉量")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(chartConfig(html, "chart-volume-category"), "$.data.labels"))
                .startsWith("产品质量", "服务态度");
    }

    /** The Chart.js config console.js will draw: the canvas's data-chart attribute, unescaped. */
    private static String chartConfig(String html, String canvasId) {
        Matcher canvas = Pattern.compile("<canvas[^>]*id=\"" + canvasId + "\"[^>]*>").matcher(html);
        assertThat(canvas.find()).as("canvas #%s", canvasId).isTrue();
        Matcher config = Pattern.compile("data-chart=\"([^\"]*)\"").matcher(canvas.group());
        assertThat(config.find()).as("data-chart on #%s", canvasId).isTrue();
        return HtmlUtils.htmlUnescape(config.group(1));
    }

    /** The table row of one key (data-key) in the table under a chart. */
    private static String row(String html, String tableId, String key) {
        int table = html.indexOf("id=\"" + tableId + "\"");
        assertThat(table).as("table #%s", tableId).isNotNegative();
        Matcher row = Pattern.compile("<tr data-key=\"" + Pattern.quote(key) + "\">([\\s\\S]*?)</tr>")
                .matcher(html.substring(table, html.indexOf("</table>", table)));
        assertThat(row.find()).as("row %s in #%s", key, tableId).isTrue();
        return row.group(1);
    }
}
