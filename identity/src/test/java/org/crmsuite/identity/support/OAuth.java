package org.crmsuite.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OAuth2 flows as a client application runs them, over real HTTP. */
public final class OAuth {

    public static final String WEB_CLIENT = "crm-web";
    public static final String WEB_REDIRECT = "http://localhost:3000/callback";
    /** The web app, as most tests log in. */
    public static final Client WEB = new Client(WEB_CLIENT, WEB_REDIRECT);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private OAuth() {
    }

    /** A PKCE pair: the verifier the app keeps and the S256 challenge it sends to the authorize endpoint. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A public client as it asks for a code: its id and the redirect URI it sends (and sends again with the code). */
    public record Client(String id, String redirectUri) {
    }

    /** How a login ended: with an authorization code, or back on the login form with an error. */
    public record Login(String code, String failedAt) {

        public boolean succeeded() {
            return code != null;
        }
    }

    public static String authorizeUrl(Pkce pkce, String state) {
        return authorizeUrl(WEB, pkce, state);
    }

    public static String authorizeUrl(Client client, Pkce pkce, String state) {
        return "/oauth2/authorize?response_type=code&client_id=" + client.id()
                + "&scope=" + Browser.encode("openid profile email")
                + "&redirect_uri=" + Browser.encode(client.redirectUri())
                + "&state=" + state
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
    }

    /**
     * What a browser does: asks for the authorize endpoint, is sent to the login form, posts the credentials with
     * the form's CSRF token, follows back to the authorize endpoint and is redirected to the app with a code.
     */
    public static Login logIn(String base, String username, String password, Pkce pkce) {
        return logIn(new Browser(base), WEB, username, password, pkce);
    }

    /** As {@link #logIn(String, String, String, Pkce)}, for {@code client}, in a browser the caller keeps (its session). */
    public static Login logIn(Browser browser, Client client, String username, String password, Pkce pkce) {
        String state = UUID.randomUUID().toString();
        HttpResponse<String> authorize = browser.get(authorizeUrl(client, pkce, state));
        assertThat(authorize.statusCode()).as("unauthenticated authorize request").isEqualTo(302);
        assertThat(Browser.location(authorize)).endsWith("/login");

        HttpResponse<String> loginPage = browser.get(Browser.location(authorize));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();

        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        HttpResponse<String> posted = browser.postForm("/login", form);
        assertThat(posted.statusCode()).isEqualTo(302);
        String next = Browser.location(posted);
        if (next.contains("/login?error")) {
            return new Login(null, next);
        }

        HttpResponse<String> back = browser.get(next);
        assertThat(back.statusCode()).as("authorize after login").isEqualTo(302);
        URI redirect = URI.create(Browser.location(back));
        assertThat(redirect.toString()).startsWith(client.redirectUri());
        Map<String, String> query = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().toSingleValueMap();
        assertThat(query.get("state")).isEqualTo(state);
        return new Login(query.get("code"), null);
    }

    /** The app's back channel: the code and the PKCE verifier, with no client secret. */
    public static HttpResponse<String> exchange(String base, String code, String verifier) {
        return exchange(base, WEB, code, verifier);
    }

    public static HttpResponse<String> exchange(String base, Client client, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", client.redirectUri());
        form.put("client_id", client.id());
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return post(base + "/oauth2/token", Browser.form(form), null);
    }

    public static HttpResponse<String> clientCredentials(String base, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(base + "/oauth2/token", "grant_type=client_credentials", "Basic " + basic);
    }

    /** A staff member's access token, through the whole authorization-code + PKCE flow. */
    public static String staffToken(String base, String username, String password) {
        Pkce pkce = Pkce.create();
        Login login = logIn(base, username, password, pkce);
        assertThat(login.succeeded()).as("login of " + username).isTrue();
        HttpResponse<String> token = exchange(base, login.code(), pkce.verifier());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token.body()).path("access_token").asString();
    }

    public static String clientToken(String base, String clientId, String secret) {
        HttpResponse<String> token = clientCredentials(base, clientId, secret);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token.body()).path("access_token").asString();
    }

    /** Checks the token's signature against the keys published at {@code /oauth2/jwks}, as a resource server does. */
    public static Jwt verify(String base, String token) {
        return NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build().decode(token);
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static HttpResponse<String> call(String method, String url, String bearer, String jsonBody) {
        return call(method, url, bearer, jsonBody, null);
    }

    public static HttpResponse<String> call(String method, String url, String bearer, String jsonBody,
            String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        return send(request.build());
    }

    /** A plain GET accepting anything, as a monitoring scraper sends it. */
    public static HttpResponse<String> text(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).header("Accept", "*/*").GET()
                .build());
    }

    private static HttpResponse<String> post(String url, String form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
