package org.crmsuite.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.crmsuite.console.ConsoleTest;
import org.crmsuite.console.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

/** Sign-in through identity (authorization code + PKCE), behind the gateway, and what a signed-in person sees. */
class SignInTest extends ConsoleTest {

    @Test
    void aPageWithoutSignInGoesToIdentityWithPkceAndTheGatewaysAddress() throws Exception {
        mvc.perform(get("/console/complaints").header("X-Forwarded-Host", "127.0.0.1:18080")
                        .header("X-Forwarded-Proto", "http"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "http://127.0.0.1:18080/console/oauth2/authorization/crm-console"));

        MvcResult authorize = mvc.perform(get("/console/oauth2/authorization/crm-console")
                        .header("X-Forwarded-Host", "127.0.0.1:18080").header("X-Forwarded-Proto", "http"))
                .andExpect(status().isFound()).andReturn();
        URI location = URI.create(authorize.getResponse().getHeader("Location"));
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(location.toString()).startsWith("http://localhost:9000/oauth2/authorize?");
        assertThat(query.getFirst("client_id")).isEqualTo("crm-console");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(java.net.URLDecoder.decode(query.getFirst("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("http://127.0.0.1:18080/console/login/oauth2/code/crm-console");
    }

    @Test
    void aPartOfAPageWithoutSignInReloadsThePageInsteadOfFollowingARedirect() throws Exception {
        mvc.perform(get("/console/complaints/queue").header("HX-Request", "true")
                        .header("HX-Current-URL", "http://127.0.0.1:8080/console/complaints?tier=L2"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/console/complaints?tier=L2"));
    }

    @Test
    void aForgedCurrentUrlCannotSendThePageElsewhere() {
        assertThat(HtmxRequests.consolePath("https://evil.example//console/x")).isEqualTo("/console/x");
        assertThat(HtmxRequests.consolePath("https://evil.example/x")).isEqualTo("/console/");
        assertThat(HtmxRequests.consolePath("http://127.0.0.1:8080/console//evil.example")).isEqualTo("/console/");
    }

    @Test
    void theHomePageShowsThePersonAndOnlyTheScreensOfTheirRoles() throws Exception {
        mvc.perform(get("/console/").with(SignedIn.as("agent1", "dept-service", "AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Test agent1")))
                .andExpect(content().string(containsString("id=\"nav-complaints\"")))
                .andExpect(content().string(not(containsString("id=\"nav-reception\""))))
                .andExpect(content().string(not(containsString("id=\"nav-dashboards\""))));
        mvc.perform(get("/console/").with(SignedIn.as("manager.east", "dept-sales-east", "MANAGER")))
                .andExpect(content().string(containsString("id=\"nav-dashboards\"")));
    }

    @Test
    void pagesRunOnlyTheConsolesOwnScriptsAndCannotBeFramed() throws Exception {
        mvc.perform(get("/console/").with(SignedIn.as("agent1", "dept-service", "AGENT")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("form-action 'self' http://localhost:9000")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                // no-referrer would make browsers post forms with "Origin: null", refused by the gateway's CORS check
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void chineseIsChosenWithLangAndKept() throws Exception {
        MvcResult chosen = mvc.perform(get("/console/").param("lang", "zh-CN")
                        .with(SignedIn.as("agent1", "dept-service", "AGENT")))
                .andExpect(content().string(containsString("客户管理控制台"))).andReturn();
        var cookie = chosen.getResponse().getCookie("CRM_CONSOLE_LANG");
        assertThat(cookie).isNotNull();
        mvc.perform(get("/console/").cookie(cookie).with(SignedIn.as("agent1", "dept-service", "AGENT")))
                .andExpect(content().string(containsString("退出登录")));
        mvc.perform(get("/console/").header("Accept-Language", "en").with(SignedIn.as("agent1", "dept-service", "AGENT")))
                .andExpect(content().string(containsString("Sign out")));
    }

    @Test
    void signingOutEndsTheSessionAtIdentityToo() throws Exception {
        mvc.perform(post("/console/logout").with(SignedIn.as("agent1", "dept-service", "AGENT")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("http://localhost:9000/connect/logout")));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/console/logout").with(SignedIn.as("agent1", "dept-service", "AGENT")))
                .andExpect(status().isForbidden());
    }

    @Test
    void pingAndAssetsNeedNoSignIn() throws Exception {
        mvc.perform(get("/console/ping")).andExpect(status().isOk()).andExpect(jsonPath("$.service").value("console"));
        mvc.perform(get("/console/assets/console.js")).andExpect(status().isOk());
        mvc.perform(get("/console/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/console/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
    }
}
