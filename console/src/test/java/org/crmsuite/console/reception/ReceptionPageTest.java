package org.crmsuite.console.reception;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The reception desk page and its rota part (SA-1, SA-2), as the office's staff see it. */
class ReceptionPageTest extends ConsoleTest {

    @BeforeEach
    void demoDesk() {
        SalesDesk.office(gateway);
    }

    @Test
    void theDeskOpensAtTheOfficeOfThePersonsDepartmentWithAllItsParts() throws Exception {
        String html = mvc.perform(MockMvcRequestBuilders.get("/console/reception")
                        .with(SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Html page = Html.of(html);
        assertThat(page.byId("office-heading").text()).contains("外滩壹号售楼处 East Bund sales office");
        assertThat(page.byId("rota-panel").attr("hx-get")).isEqualTo("/console/reception/rota?office=office-east-bund");
        assertThat(page.byId("units-panel").attr("hx-get")).isEqualTo("/console/reception/units?office=office-east-bund");
        assertThat(page.byId("walk-in-form").exists()).isTrue();
        assertThat(page.byId("walk-in-submit").exists()).isTrue();
        assertThat(page.byId("walk-in-form").first("input", "name", "idempotencyKey").attr("value")).isNotBlank();
        // the department's reps to name before reception (SA-5), by the directory's names
        assertThat(page.byId("reception-reps").first("option", "value", "demo-sales-2").text()).isEqualTo("赵敏 Zhao Min");
        assertThat(page.byId("office-choice").exists()).isFalse(); // one office of their own: nothing to choose
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/reception/offices"))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void theRotaShowsTheOrderWhoIsNextAndWhoIsAway() throws Exception {
        SalesDesk.rota(gateway, SalesDesk.ROTA);

        Html panel = fragment("/console/reception/rota?office=office-east-bund",
                SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES"));

        // SA-1: the order of the day, the next rep highlighted, who stands by
        assertThat(panel.byId("rota").all("li", "data-rep", null)).extracting(li -> li.attr("data-rep"))
                .containsExactly("demo-sales-1", "demo-sales-2", "demo-sales-3");
        assertThat(panel.byId("rota-next").attr("data-rep")).isEqualTo("demo-sales-3");
        assertThat(panel.byId("rota-next").text()).contains("孙磊 Sun Lei").contains("next");
        assertThat(panel.first("p", "class", "rota-summary").text()).contains("Next: 孙磊 Sun Lei")
                .contains("Standing by: 刘洋 Liu Yang");
        // SA-2: who is away and how
        assertThat(panel.byId("rota").first("li", "data-rep", "demo-sales-2").text()).contains("Absent");
        assertThat(panel.byId("rota-absences").text()).contains("赵敏 Zhao Min (Absent)");
        // the day's receptions, latest first, the SA-3 return not counted as a turn
        List<Html> turns = panel.byId("rota-turns").all("tr", "title", null);
        assertThat(turns).hasSize(3);
        assertThat(turns.get(1).text()).contains("SA-3").contains("not counted");
        // a rep reads; only the manager acts on the rota
        assertThat(panel.all("form", "class", "rota-state")).isEmpty();
        assertThat(panel.all("form", "class", "rota-next")).isEmpty();
        gateway.verify(getRequestedFor(urlPathMatching(SalesDesk.ROTA_PATH))
                .withHeader("Authorization", equalTo("Bearer token-demo-sales-1")));
    }

    @Test
    void theOfficesManagerMarksAnAbsenceAndTheRotaShowsIt() throws Exception {
        SalesDesk.rota(gateway, SalesDesk.ROTA);
        Html before = fragment("/console/reception/rota?office=office-east-bund",
                SignedIn.as("demo-manager-east", SalesDesk.DEPT, "MANAGER"));
        assertThat(before.byId("rota").first("li", "data-rep", "demo-sales-3").first("form", "class", "rota-state")
                .first("select", "name", "state").all("option", "value", null)).hasSize(5);
        assertThat(before.byId("rota").first("li", "data-rep", "demo-sales-1").all("form", "class", "rota-next")).hasSize(1);
        assertThat(before.byId("rota-next").all("form", "class", "rota-next")).isEmpty(); // already next

        gateway.stubFor(put(urlPathMatching(SalesDesk.ROTA_PATH + "/reps/demo-sales-3/state"))
                .willReturn(okJson(SalesDesk.ROTA.replace("""
                        "repId":"demo-sales-3","state":"ON_DUTY\"""", """
                        "repId":"demo-sales-3","state":"ERRAND\"""").replace("\"next\":\"demo-sales-3\"",
                        "\"next\":\"demo-sales-1\""))));

        // SA-2: on the manager's errand; the API answers with the rota, which passes the turn on
        String html = mvc.perform(MockMvcRequestBuilders.post("/console/reception/rota/state")
                        .param("office", SalesDesk.OFFICE_ID).param("repId", "demo-sales-3").param("state", "ERRAND")
                        .header("HX-Request", "true").with(csrf())
                        .with(SignedIn.as("demo-manager-east", SalesDesk.DEPT, "MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Html panel = Html.of(html);
        assertThat(panel.byId("rota").first("li", "data-rep", "demo-sales-3").text()).contains("On an errand");
        assertThat(panel.byId("rota-next").attr("data-rep")).isEqualTo("demo-sales-1");
        gateway.verify(putRequestedFor(urlPathMatching(SalesDesk.ROTA_PATH + "/reps/demo-sales-3/state"))
                .withHeader("Authorization", equalTo("Bearer token-demo-manager-east"))
                .withRequestBody(equalToJson("{\"state\":\"ERRAND\"}")));
    }

    @Test
    void theManagerNamesWhoIsNextKeepingTheOrder() throws Exception {
        SalesDesk.rota(gateway, SalesDesk.ROTA);
        gateway.stubFor(put(urlPathMatching(SalesDesk.ROTA_PATH + "/order"))
                .willReturn(okJson(SalesDesk.ROTA.replace("\"next\":\"demo-sales-3\"", "\"next\":\"demo-sales-1\""))));

        String html = mvc.perform(MockMvcRequestBuilders.post("/console/reception/rota/next")
                        .param("office", SalesDesk.OFFICE_ID).param("repId", "demo-sales-1").header("HX-Request", "true")
                        .with(csrf()).with(SignedIn.as("demo-manager-east", SalesDesk.DEPT, "MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Html.of(html).byId("rota-next").attr("data-rep")).isEqualTo("demo-sales-1");

        // SA-1: only the manager changes the order; naming who is next keeps it as it is
        gateway.verify(putRequestedFor(urlPathMatching(SalesDesk.ROTA_PATH + "/order")).withRequestBody(equalToJson(
                "{\"order\":[\"demo-sales-1\",\"demo-sales-2\",\"demo-sales-3\"],\"next\":\"demo-sales-1\"}")));
    }

    @Test
    void aRefusedRotaChangeIsShownAboveTheRota() throws Exception {
        SalesDesk.rota(gateway, SalesDesk.ROTA);
        gateway.stubFor(put(urlPathMatching(SalesDesk.ROTA_PATH + "/reps/demo-sales-2/state")).willReturn(
                SalesDesk.problem(403, "access.denied", "Only the manager of dept-east-sales records absences on the rota (SA-2)")));

        mvc.perform(MockMvcRequestBuilders.post("/console/reception/rota/state").param("office", SalesDesk.OFFICE_ID)
                        .param("repId", "demo-sales-2").param("state", "ON_DUTY").header("HX-Request", "true").with(csrf())
                        .with(SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Your role may not do this here.")))
                .andExpect(content().string(containsString("records absences on the rota (SA-2)")))
                .andExpect(content().string(containsString("id=\"rota\"")));
    }

    @Test
    void withoutARotaTodayTheManagerIsOfferedToSetOne() throws Exception {
        gateway.stubFor(get(urlPathMatching(SalesDesk.ROTA_PATH))
                .willReturn(SalesDesk.problem(404, "rota.not-found", "No rota with id 'office-east-bund:2026-11-22'")));
        Html forRep = fragment("/console/reception/rota?office=office-east-bund",
                SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES"));
        assertThat(forRep.byId("rota-not-set").exists()).isTrue();
        assertThat(forRep.byId("rota-set-form").exists()).isFalse();

        Html forManager = fragment("/console/reception/rota?office=office-east-bund",
                SignedIn.as("demo-manager-east", SalesDesk.DEPT, "MANAGER"));
        assertThat(forManager.byId("rota-set-form").first("input", "name", "order").exists()).isTrue();
        assertThat(forManager.byId("rota-set-form").text()).contains("孙磊 Sun Lei (demo-sales-3)");

        gateway.stubFor(post(urlPathMatching(SalesDesk.ROTA_PATH)).willReturn(okJson(SalesDesk.ROTA)));
        mvc.perform(MockMvcRequestBuilders.post("/console/reception/rota").param("office", SalesDesk.OFFICE_ID)
                        .param("order", "demo-sales-1, demo-sales-2 demo-sales-3").header("HX-Request", "true")
                        .with(csrf()).with(SignedIn.as("demo-manager-east", SalesDesk.DEPT, "MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"rota-next\"")));
        gateway.verify(postRequestedFor(urlPathMatching(SalesDesk.ROTA_PATH)).withRequestBody(
                equalToJson("{\"order\":[\"demo-sales-1\",\"demo-sales-2\",\"demo-sales-3\"]}")));
    }

    @Test
    void financeSeesTheUnitBoardButNeitherRotaNorWalkInForm() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/console/reception")
                        .with(SignedIn.as("demo-finance", "dept-company", "FINANCE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"units-panel\"")))
                .andExpect(content().string(not(containsString("id=\"rota-panel\""))))
                .andExpect(content().string(not(containsString("id=\"walk-in-form\""))))
                // no department of their own at a desk: they choose among the offices
                .andExpect(content().string(containsString("id=\"office-choice\"")));
    }

    @Test
    void aDeskServiceDownShowsTheRotaAsUnavailableNotAnError() throws Exception {
        gateway.stubFor(get(urlPathMatching(SalesDesk.ROTA_PATH))
                .willReturn(SalesDesk.problem(503, "gateway.unavailable", "sales-service is not available")));

        mvc.perform(MockMvcRequestBuilders.get("/console/reception/rota").param("office", SalesDesk.OFFICE_ID)
                        .header("HX-Request", "true").with(SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Temporarily unavailable")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void theDeskSpeaksChinese() throws Exception {
        SalesDesk.rota(gateway, SalesDesk.ROTA);
        mvc.perform(MockMvcRequestBuilders.get("/console/reception").param("lang", "zh-CN")
                        .with(SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES")))
                .andExpect(content().string(containsString("售楼处接待台")))
                .andExpect(content().string(containsString("访客以前来过吗？")));
        mvc.perform(MockMvcRequestBuilders.get("/console/reception/rota").param("office", SalesDesk.OFFICE_ID)
                        .header("Accept-Language", "zh-CN").header("HX-Request", "true")
                        .with(SignedIn.as("demo-sales-1", SalesDesk.DEPT, "SALES")))
                .andExpect(content().string(containsString("缺勤")))
                .andExpect(content().string(containsString("下一位")));
    }

    private Html fragment(String url, RequestPostProcessor who) throws Exception {
        return Html.of(mvc.perform(MockMvcRequestBuilders.get(url).header("HX-Request", "true").with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
