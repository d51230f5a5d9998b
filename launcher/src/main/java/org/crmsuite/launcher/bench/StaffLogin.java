package org.crmsuite.launcher.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens as the suite's clients get them from identity: a staff member logs in through the web client's
 * authorization-code flow with PKCE (login form with its CSRF token, then the code exchanged with the verifier), a
 * partner system by client credentials. The benchmark never mints tokens of its own.
 */
final class StaffLogin {

    static final String WEB_CLIENT = "crm-web";
    static final String WEB_REDIRECT = "http://localhost:3000/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final String identity;

    StaffLogin(int identityPort) {
        this.identity = "http://localhost:" + identityPort;
    }

    /** A staff member's access token (username and password as seeded by identity's demo directory). */
    String staffToken(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String state = UUID.randomUUID().toString();
        String authorize = identity + "/oauth2/authorize?response_type=code&client_id=" + WEB_CLIENT
                + "&scope=" + encode("openid profile") + "&redirect_uri=" + encode(WEB_REDIRECT) + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = browser.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loginPage = browser.send(get(absolute(location(toLogin))), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at identity: " + loginPage.statusCode());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(identity + "/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String next = location(posted);
        if (next.contains("error")) {
            throw new IllegalStateException("identity refused the login of " + username);
        }
        HttpResponse<String> back = browser.send(get(absolute(next)), HttpResponse.BodyHandlers.ofString());
        Matcher code = CODE.matcher(location(back));
        if (!code.find()) {
            throw new IllegalStateException("no authorization code for " + username + ": " + location(back));
        }
        String exchange = "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + encode(WEB_REDIRECT)
                + "&client_id=" + WEB_CLIENT + "&code_verifier=" + verifier;
        return token(HttpRequest.newBuilder(URI.create(identity + "/oauth2/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(exchange)).build());
    }

    /** A partner system's (or any confidential client's) token by client credentials. */
    String clientToken(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return token(HttpRequest.newBuilder(URI.create(identity + "/oauth2/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    private static String token(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token from identity: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private HttpRequest get(String url) {
        // as a browser asks: identity sends only HTML clients to its login form (others get 401)
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Accept", "text/html").GET()
                .build();
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : identity + location;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("expected a redirect, got " + response.statusCode()));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
