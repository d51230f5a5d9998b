package org.crmsuite.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.crmsuite.identity.directory.Department;
import org.crmsuite.identity.directory.Person;
import org.crmsuite.identity.support.Browser;
import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.crmsuite.identity.support.OAuth.Login;
import org.crmsuite.identity.support.OAuth.Pkce;
import org.crmsuite.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import tools.jackson.databind.JsonNode;

/** Staff log in to the web app: authorization code with PKCE, the login form checked against the directory. */
class AuthorizationCodeFlowTest extends IdentityIntegrationTest {

    @Test
    void staffMemberLogsInWithPkceAndTheTokenCarriesRolesAndDepartment() {
        Department sales = department("East sales", null, null, null);
        Person rep = person("Liu Yang", Role.SALES, sales.getId());
        Pkce pkce = Pkce.create();

        Login login = OAuth.logIn(base(), rep.getUsername(), PASSWORD, pkce);
        assertThat(login.succeeded()).isTrue();
        HttpResponse<String> response = OAuth.exchange(base(), login.code(), pkce.verifier());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = OAuth.json(response.body());
        Jwt access = OAuth.verify(base(), tokens.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(rep.getId());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("SALES");
        assertThat(access.getClaimAsString("dept")).isEqualTo(sales.getId());
        assertThat(access.getAudience()).containsExactly("crm-api");

        Jwt id = OAuth.verify(base(), tokens.path("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(rep.getId());
        assertThat(id.getAudience()).containsExactly(OAuth.WEB_CLIENT);
        assertThat(id.getClaimAsString("preferred_username")).isEqualTo(rep.getUsername());

        // the token opens the directory API, and /userinfo names the person
        HttpResponse<String> self = OAuth.call("GET", url("/api/v1/staff/" + rep.getId()), access.getTokenValue(), null);
        assertThat(self.statusCode()).isEqualTo(200);
        HttpResponse<String> userinfo = OAuth.call("GET", url("/userinfo"), access.getTokenValue(), null);
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(OAuth.json(userinfo.body()).path("sub").asString()).isEqualTo(rep.getId());
        assertThat(OAuth.json(userinfo.body()).path("email").asString()).isEqualTo(rep.getEmail());
    }

    @Test
    void staffMemberWhoLeftCannotLogIn() {
        Department service = department("Customer service", null, null, null);
        Person agent = leave(person("Zhou Li", Role.AGENT, service.getId()));

        Login login = OAuth.logIn(base(), agent.getUsername(), PASSWORD, Pkce.create());

        assertThat(login.succeeded()).isFalse();
        assertThat(login.failedAt()).contains("/login?error");
    }

    @Test
    void wrongPasswordSendsBackToTheLoginForm() {
        Department service = department("Customer service", null, null, null);
        Person agent = person("Wu Hao", Role.AGENT, service.getId());

        Login login = OAuth.logIn(base(), agent.getUsername(), "not-the-password", Pkce.create());

        assertThat(login.failedAt()).contains("/login?error");
    }

    @Test
    void codeIsNotExchangedWithoutTheVerifierNorTwice() {
        Department sales = department("East sales", null, null, null);
        Person rep = person("Zhao Min", Role.SALES, sales.getId());
        Pkce pkce = Pkce.create();
        Login login = OAuth.logIn(base(), rep.getUsername(), PASSWORD, pkce);

        HttpResponse<String> wrongVerifier = OAuth.exchange(base(), login.code(), Pkce.create().verifier());
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(OAuth.json(wrongVerifier.body()).path("error").asString()).isEqualTo("invalid_grant");

        Login again = OAuth.logIn(base(), rep.getUsername(), PASSWORD, pkce);
        assertThat(OAuth.exchange(base(), again.code(), pkce.verifier()).statusCode()).isEqualTo(200);
        assertThat(OAuth.exchange(base(), again.code(), pkce.verifier()).statusCode()).isEqualTo(400);
    }

    @Test
    void authorizeRequestWithoutCodeChallengeIsRefused() {
        Browser browser = new Browser(base());

        HttpResponse<String> response = browser.get("/oauth2/authorize?response_type=code&client_id=crm-web&scope=openid"
                + "&redirect_uri=" + Browser.encode(OAuth.WEB_REDIRECT) + "&state=s1");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Browser.location(response)).startsWith(OAuth.WEB_REDIRECT).contains("error=invalid_request");
    }

    @Test
    void personMarkedLeftAfterLoggingInGetsNoToken() {
        Department sales = department("East sales", null, null, null);
        Person rep = person("Qian Feng", Role.SALES, sales.getId());
        Pkce pkce = Pkce.create();
        Login login = OAuth.logIn(base(), rep.getUsername(), PASSWORD, pkce);

        leave(rep);
        HttpResponse<String> response = OAuth.exchange(base(), login.code(), pkce.verifier());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OAuth.json(response.body()).path("error").asString()).isEqualTo("invalid_grant");
    }
}
