package org.crmsuite.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The launcher's questions over HTTP: is a module healthy, does a route through the gateway reach a service. */
final class Http {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMPONENT_NOT_UP = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"(DOWN|OUT_OF_SERVICE|UNKNOWN)\"");
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    /** Boot answers 200 only while the overall status is UP (503 for DOWN and OUT_OF_SERVICE). */
    boolean isUp(int port, String healthPath) {
        String body = get(port, healthPath, null);
        return body != null && STATUS_UP.matcher(body).find();
    }

    /** Why a module is not healthy, from its health answer (503 while DOWN): the components that are not UP. */
    String healthSummary(int port, String healthPath) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + healthPath))
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return describeHealth(response.statusCode(), response.body());
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no answer";
        }
    }

    static String describeHealth(int status, String body) {
        StringBuilder summary = new StringBuilder("HTTP ").append(status);
        List<String> notUp = new ArrayList<>();
        Matcher component = COMPONENT_NOT_UP.matcher(body);
        while (component.find()) {
            notUp.add(component.group(1) + " " + component.group(2));
        }
        if (!notUp.isEmpty()) {
            summary.append(", ").append(String.join(", ", notUp));
        }
        return summary.toString();
    }

    boolean answersPing(int gatewayPort, Module module, String accessToken) {
        String body = get(gatewayPort, module.pingPath(), accessToken);
        return body != null && isPingOf(body, module.name());
    }

    /** An access token by client credentials from identity, or {@code null} while it cannot give one. */
    String clientCredentialsToken(int identityPort, String clientId, String secret) {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + identityPort + "/oauth2/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        String body = send(request);
        if (body == null) {
            return null;
        }
        Matcher token = ACCESS_TOKEN.matcher(body);
        return token.find() ? token.group(1) : null;
    }

    static boolean isPingOf(String body, String service) {
        return Pattern.compile("\"service\"\\s*:\\s*\"" + Pattern.quote(service) + "\"").matcher(body).find();
    }

    private String get(int port, String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    /** The body of a 200 answer, else {@code null}; a refused connection is just "not yet". */
    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
