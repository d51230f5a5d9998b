package org.crmsuite.console.complaints;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.tomakehurst.wiremock.client.WireMock;

/** Every word of the complaints screen comes from its bundles, in English and in Chinese (no "??key??" left). */
class ComplaintMessagesTest extends ConsoleTest {

    private static final RequestPostProcessor MANAGER = SignedIn.as("demo-manager-service", ComplaintJson.DEPARTMENT, "MANAGER");
    private static final RequestPostProcessor DISPATCHER = SignedIn.as("demo-dispatcher", ComplaintJson.DEPARTMENT, "DISPATCHER");

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void everyPartOfTheScreenIsWordedInThePersonsLanguage(String lang) throws Exception {
        // a case with everything a page can show: contacts (CO-6), a dissatisfied rating (CO-7), a breach (CO-5)
        String complaint = ComplaintJson.complaint("ESCALATED", "L2", "MANAGER", "ACCEPTED", "INVESTIGATING")
                .replace("\"contacts\":[]", "\"contacts\":[{\"at\":\"2026-11-23T03:00:00Z\",\"channel\":\"PHONE\","
                        + "\"summary\":\"explained the delay\",\"by\":\"demo-agent-1\"}]")
                .replace("\"ratings\":[]", "\"ratings\":[{\"score\":4,\"customerUnreachable\":false,\"level\":\"L1\","
                        + "\"by\":\"demo-agent-1\",\"at\":\"2026-11-23T04:00:00Z\"}]")
                .replace("\"breached\":false,\"breachHandlerId\":null,\"metAt\":\"2026-11-23T01:20:00Z\"",
                        "\"breached\":true,\"breachHandlerId\":\"demo-agent-1\",\"metAt\":\"2026-11-23T02:20:00Z\"")
                .replace("\"outcome\":\"ON_TIME\"", "\"outcome\":\"LATE\"")
                .replace("\"waitingOnCustomer\":false", "\"waitingOnCustomer\":true")
                .replace("\"progressOverdue\":false", "\"progressOverdue\":true");
        gateway.stubFor(WireMock.get(urlEqualTo("/api/v1/complaints/" + ComplaintJson.CASE_ID)).willReturn(okJson(complaint)));
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/complaints/queue")).willReturn(okJson(ComplaintJson.page(
                ComplaintJson.queueItem(ComplaintJson.CASE_ID, "徐州众诚物流有限公司", "VIP", "ESCALATED", "RESOLVE",
                        "2026-11-26T10:00:00Z", false)))));
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/work-orders"))
                .willReturn(okJson("[" + ComplaintJson.workOrder("COMPLETED", "demo-agent-2") + "]")));
        gateway.stubFor(WireMock.get(urlEqualTo("/api/v1/work-orders/" + ComplaintJson.ORDER_ID))
                .willReturn(okJson(ComplaintJson.workOrder("COMPLETED", "demo-agent-2"))));

        String[][] pages = {
                { "/console/complaints", "m" }, { "/console/complaints/queue/mine", "m" },
                { "/console/complaints/queue/tier", "m" }, { "/console/complaints/new", "m" },
                { "/console/complaints/" + ComplaintJson.CASE_ID, "m" }, { "/console/complaints/work-orders", "d" },
                { "/console/complaints/work-orders/list", "d" },
                { "/console/complaints/work-orders/" + ComplaintJson.ORDER_ID, "d" } };
        for (String[] page : pages) {
            String html = mvc.perform(get(page[0]).param("lang", lang).with(page[1].equals("m") ? MANAGER : DISPATCHER))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page[0]).doesNotContain("??");
            if (page[0].endsWith(ComplaintJson.CASE_ID)) {
                assertThat(html).contains(lang.equals("en") ? "breached (handler demo-agent-1)" : "已超期（处理人 demo-agent-1）");
            }
            if (lang.equals("zh-CN")) {
                assertThat(html).as(page[0]).doesNotContain(">Complaint ", ">Escalate<", ">Deadlines<", ">Work orders<");
            }
        }
    }
}
