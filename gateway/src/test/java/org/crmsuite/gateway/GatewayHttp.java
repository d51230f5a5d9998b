package org.crmsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain JDK HTTP client for the gateway under test: every call has a timeout, so a hang fails the test. Made
 * {@link #as(String) as} a caller, every request carries that caller's bearer token.
 */
final class GatewayHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String token;

    /** An anonymous client: no Authorization header. */
    GatewayHttp(int port) {
        this(port, null);
    }

    private GatewayHttp(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The same gateway, every request sent with {@code Authorization: Bearer <token>}. */
    GatewayHttp as(String token) {
        return new GatewayHttp(port, token);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(REQUEST_TIMEOUT);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The gateway's own error: RFC 9457 problem+json with the given status and stable {@code code}. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(response.request().uri().getPath());
        return problem;
    }
}
