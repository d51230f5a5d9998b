package org.crmsuite.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.crmsuite.identity.directory.Department;
import org.crmsuite.identity.directory.Person;
import org.crmsuite.identity.support.Browser;
import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.crmsuite.identity.support.OAuth.Client;
import org.crmsuite.identity.support.OAuth.Login;
import org.crmsuite.identity.support.OAuth.Pkce;
import org.crmsuite.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The staff console's client {@code crm-console} (docs/identity.md, "The staff console"): browsers reach the console
 * through the gateway at {@code http://127.0.0.1:<gateway port>/console/}, and the gateway's port differs between a
 * default run (8080), {@code --random-ports} and tests. Its redirect URI is registered on the loopback IP literal, so
 * a request on any port is accepted (RFC 8252, section 7.3); the post-logout URI is matched exactly, port included,
 * so the port in use must be registered: the launcher sets {@code CRM_CONSOLE_POST_LOGOUT_URIS} to it, as here.
 */
@TestPropertySource(properties = "CRM_CONSOLE_POST_LOGOUT_URIS=http://127.0.0.1:8080/console/, "
        + ConsoleClientTest.RUNNING_CONSOLE + "/")
class ConsoleClientTest extends IdentityIntegrationTest {

    static final String CLIENT_ID = "crm-console";
    /** A gateway on another port than the registered 8080, whose port the launcher registered for logout. */
    static final String RUNNING_CONSOLE = "http://127.0.0.1:53127/console";
    private static final String CALLBACK = "/login/oauth2/code/crm-console";
    private static final Client CONSOLE = new Client(CLIENT_ID, RUNNING_CONSOLE + CALLBACK);

    @Test
    void anAuthorizationRequestFromTheConsoleOnAnotherLoopbackPortIsSentToTheLoginPage() {
        Browser browser = new Browser(base());

        HttpResponse<String> response = browser.get(OAuth.authorizeUrl(CONSOLE, Pkce.create(), "state-1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(Browser.location(response)).endsWith("/login");
    }

    @Test
    void aRedirectUriOnAnotherHostOrPathIsRefusedWithoutRedirecting() {
        Browser browser = new Browser(base());
        for (String redirect : new String[] { "http://localhost:53127/console" + CALLBACK,
                "http://127.0.0.1:53127/elsewhere" + CALLBACK, "http://evil.example:8080/console" + CALLBACK }) {
            HttpResponse<String> response = browser.get(
                    OAuth.authorizeUrl(new Client(CLIENT_ID, redirect), Pkce.create(), "state-2"));

            assertThat(response.statusCode()).as(redirect).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(redirect).isEmpty();
        }
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        Browser browser = new Browser(base());

        HttpResponse<String> response = browser.get("/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&scope=openid&redirect_uri=" + Browser.encode(CONSOLE.redirectUri()) + "&state=s3");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Browser.location(response)).startsWith(CONSOLE.redirectUri()).contains("error=invalid_request");
    }

    @Test
    void staffLogInToTheConsoleOnAnotherPortAndGetTokensForTheApi() {
        Person agent = person("Sun Li", Role.AGENT, department("Customer service", null, null, null).getId());
        Pkce pkce = Pkce.create();

        Login login = OAuth.logIn(new Browser(base()), CONSOLE, agent.getUsername(), PASSWORD, pkce);
        HttpResponse<String> response = OAuth.exchange(base(), CONSOLE, login.code(), pkce.verifier());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = OAuth.json(response.body());
        Jwt access = OAuth.verify(base(), tokens.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(agent.getId());
        assertThat(access.getAudience()).containsExactly("crm-api");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("AGENT");
        Jwt id = OAuth.verify(base(), tokens.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly(CLIENT_ID);
        assertThat(tokens.path("scope").asString().split(" ")).contains("openid", "profile", "email");
    }

    @Test
    void logoutReturnsToTheConsoleAtTheRegisteredAddressAndEndsTheLoginSession() {
        Browser browser = new Browser(base());
        String idToken = signedIn(browser);

        HttpResponse<String> logout = browser.get(logoutUrl(idToken, RUNNING_CONSOLE + "/", "bye-1"));

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(Browser.location(logout)).isEqualTo(RUNNING_CONSOLE + "/?state=bye-1");
        HttpResponse<String> again = browser.get(OAuth.authorizeUrl(CONSOLE, Pkce.create(), "state-4"));
        assertThat(Browser.location(again)).as("signed out: the next login asks again").endsWith("/login");
    }

    @Test
    void logoutToAnAddressThatIsNotRegisteredIsRefused() {
        Browser browser = new Browser(base());
        String idToken = signedIn(browser);

        // the same console on a port nobody registered: unlike the redirect URI, no loopback leniency
        HttpResponse<String> logout = browser.get(logoutUrl(idToken, "http://127.0.0.1:53128/console/", "bye-2"));

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
    }

    /** Logs a new member of staff in to the console in {@code browser}; their id token. */
    private String signedIn(Browser browser) {
        Department service = department("Customer service", null, null, null);
        Person agent = person("Ma Jun", Role.AGENT, service.getId());
        Pkce pkce = Pkce.create();
        Login login = OAuth.logIn(browser, CONSOLE, agent.getUsername(), PASSWORD, pkce);
        HttpResponse<String> tokens = OAuth.exchange(base(), CONSOLE, login.code(), pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return OAuth.json(tokens.body()).path("id_token").asString();
    }

    private static String logoutUrl(String idToken, String postLogoutRedirect, String state) {
        return "/connect/logout?id_token_hint=" + idToken + "&client_id=" + CLIENT_ID
                + "&post_logout_redirect_uri=" + Browser.encode(postLogoutRedirect) + "&state=" + state;
    }
}
