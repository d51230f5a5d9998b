package org.crmsuite.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP API on its random loopback port, as a client sees it: status, headers, JSON body (the services'
 * API tests share it).
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers, String raw) {
        public String text(String field) {
            return body.path(field).asString(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(bodyOf(body)), token, headers);
    }

    public Response post(String path, String token) {
        return post(path, token, "{}");
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(bodyOf(body)), token, Map.of());
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        request.header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = raw == null || raw.isBlank() || !json ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), body, response.headers(), raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
