package org.crmsuite.sales.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to one running instance (loopback), so concurrent calls go through Tomcat like a client's would. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final JsonMapper json;

    public Http(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public record Response(int status, JsonNode body, String contentType, String raw) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }

        public String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(body(body)).header("Content-Type", "application/json"), token);
    }

    public Response post(String path, String token, Object body, String idempotencyKey) {
        return send(HttpRequest.newBuilder(uri(path)).POST(body(body)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey), token);
    }

    public Response put(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(body(body)).header("Content-Type", "application/json"), token);
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.BodyPublisher body(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder request, String token) {
        try {
            if (token != null) {
                request.header("Authorization", token);
            }
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode node = raw == null || raw.isBlank() || !type.contains("json") ? null : json.readTree(raw);
            return new Response(response.statusCode(), node, type, raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
