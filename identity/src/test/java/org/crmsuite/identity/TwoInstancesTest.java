package org.crmsuite.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmsuite.identity.support.Browser;
import org.crmsuite.identity.support.OAuth;
import org.crmsuite.identity.support.OAuth.Login;
import org.crmsuite.identity.support.OAuth.Pkce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of identity in the local profile sharing one MongoDB, as the local run or a scaled deployment has
 * them: they sign with one key, accept each other's tokens, redeem each other's codes, and the demo directory is
 * written once.
 */
class TwoInstancesTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String EXCHANGE = "crm.events.identity-test-" + RUN;
    static final String DEAD_LETTER_EXCHANGE = "crm.dlx.identity-test-" + RUN;
    static final String DEMO_PASSWORD = "local-demo-password";

    static MongoServer mongo;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
            if (instance != null) {
                instance.close();
            }
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            admin.deleteExchange(EXCHANGE);
            admin.deleteExchange(DEAD_LETTER_EXCHANGE);
        } finally {
            connections.destroy();
        }
    }

    @Test
    void bothInstancesPublishTheSameSigningKey() {
        HttpResponse<String> firstKeys = OAuth.call("GET", base(first) + "/oauth2/jwks", null, null);
        HttpResponse<String> secondKeys = OAuth.call("GET", base(second) + "/oauth2/jwks", null, null);

        assertThat(firstKeys.statusCode()).isEqualTo(200);
        JsonNode keys = OAuth.json(firstKeys.body()).path("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(keys.get(0).has("d")).as("private part never published").isFalse();
        assertThat(OAuth.json(secondKeys.body())).isEqualTo(OAuth.json(firstKeys.body()));
    }

    @Test
    void tokenIssuedByOneInstanceIsAcceptedByTheOther() {
        String token = OAuth.clientToken(base(first), "complaint-service", "local-complaint-service-secret");

        assertThat(OAuth.verify(base(second), token).getSubject()).isEqualTo("complaint-service");
        HttpResponse<String> manager = OAuth.call("GET", base(second) + "/api/v1/departments/dept-customer-service/manager",
                token, null);
        assertThat(manager.statusCode()).as(manager.body()).isEqualTo(200);
        assertThat(OAuth.json(manager.body()).path("id").asString()).isEqualTo("demo-manager-service");
    }

    @Test
    void codeIssuedByOneInstanceIsRedeemedAtTheOther() {
        Pkce pkce = Pkce.create();
        Login login = OAuth.logIn(base(first), "sales1", DEMO_PASSWORD, pkce);
        assertThat(login.succeeded()).isTrue();

        HttpResponse<String> tokens = OAuth.exchange(base(second), login.code(), pkce.verifier());

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        Jwt access = OAuth.verify(base(first), OAuth.json(tokens.body()).path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("demo-sales-1");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("SALES");
        assertThat(access.getClaimAsString("dept")).isEqualTo("dept-east-sales");
    }

    /**
     * Behind a load balancer without affinity each step of a browser login may reach another instance: the login
     * session (saved authorize request, CSRF token, then the logged-in person) is shared through MongoDB.
     */
    @Test
    void loginStartedAtOneInstanceCompletesAtTheOther() {
        Browser browser = new Browser(base(first));
        Pkce pkce = Pkce.create();
        String state = UUID.randomUUID().toString();

        HttpResponse<String> authorize = browser.get(OAuth.authorizeUrl(pkce, state));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(Browser.location(authorize)).endsWith("/login");

        // the form is served, and posted, by the other instance
        HttpResponse<String> form = browser.get(base(second) + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", "agent1");
        credentials.put("password", DEMO_PASSWORD);
        credentials.put("_csrf", csrf.group(1));
        HttpResponse<String> posted = browser.postForm(base(second) + "/login", credentials);
        assertThat(posted.statusCode()).isEqualTo(302);
        String next = Browser.location(posted);
        assertThat(next).as("the second instance found the authorize request saved by the first").contains("/oauth2/authorize");

        // and the authorize request goes back to the first, which finds the person logged in by the second
        HttpResponse<String> back = browser.get(base(first) + URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery());
        assertThat(back.statusCode()).isEqualTo(302);
        String redirect = Browser.location(back);
        assertThat(redirect).startsWith(OAuth.WEB_REDIRECT).contains("state=" + state).contains("code=");
        String code = redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> tokens = OAuth.exchange(base(second), code, pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(OAuth.verify(base(first), OAuth.json(tokens.body()).path("access_token").asString()).getSubject())
                .isEqualTo("demo-agent-1");
    }

    @Test
    void aLoginSessionIdDoesNotSurviveTheLogin() {
        // session fixation: the id a visitor had before logging in stops working once they are logged in
        Browser browser = new Browser(base(first));
        browser.get(OAuth.authorizeUrl(Pkce.create(), "s"));
        String before = browser.cookie("SESSION");
        assertThat(before).as("a login session was started").isNotNull();
        HttpResponse<String> form = browser.get(base(second) + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", "agent1");
        credentials.put("password", DEMO_PASSWORD);
        credentials.put("_csrf", csrf.group(1));
        browser.postForm(base(second) + "/login", credentials);

        assertThat(browser.cookie("SESSION")).isNotNull().isNotEqualTo(before);
        Browser attacker = new Browser(base(first));
        attacker.setCookie("SESSION", before);
        HttpResponse<String> replay = attacker.get(OAuth.authorizeUrl(Pkce.create(), "s2"));
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(Browser.location(replay)).as("the old id is not logged in").endsWith("/login");
    }

    @Test
    void demoDirectoryIsWrittenOnceWithSomeoneInEveryStaffRole() {
        String admin = OAuth.staffToken(base(second), "admin", DEMO_PASSWORD);

        JsonNode staff = OAuth.json(OAuth.call("GET", base(second) + "/api/v1/staff?size=200", admin, null).body());
        assertThat(staff.path("totalItems").asLong()).isEqualTo(12);
        assertThat(staff.path("items").toString()).contains("\"ADMIN\"", "\"GM\"", "\"DIRECTOR\"", "\"MANAGER\"",
                "\"SALES\"", "\"AGENT\"", "\"DISPATCHER\"", "\"FINANCE\"");
        JsonNode departments = OAuth.json(OAuth.call("GET", base(first) + "/api/v1/departments", admin, null).body());
        assertThat(departments.path("totalItems").asLong()).isEqualTo(3);

        // customer service has no director of its own: an agent's L3 tier is the company's director
        JsonNode escalation = OAuth.json(
                OAuth.call("GET", base(first) + "/api/v1/staff/demo-agent-1/escalation", admin, null).body());
        assertThat(escalation.path("manager").path("id").asString()).isEqualTo("demo-manager-service");
        assertThat(escalation.path("director").path("id").asString()).isEqualTo("demo-director");
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IdentityApplication.class).run(
                "--spring.profiles.active=local,test",
                "--server.port=0",
                "--crm.embedded-mongo.enabled=false",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
                "--crm.events.exchange=" + EXCHANGE,
                "--crm.events.dead-letter-exchange=" + DEAD_LETTER_EXCHANGE,
                "--spring.jmx.enabled=false");
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }
}
