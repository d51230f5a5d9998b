package org.crmsuite.reliability.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls of the scenarios: a connection failure or timeout is an answer with status -1, never an exception. */
public final class Http {

    public static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    /** An answer: {@code status} -1 when there was none (refused, reset, timed out); {@code millis} it took. */
    public record Answer(int status, String body, HttpResponse<String> response, long millis, String failure) {

        public JsonNode json() {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        }

        public String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + (failure != null ? failure : body == null ? "" : body.length() > 400 ? body.substring(0, 400) : body);
        }
    }

    public static Answer get(URI uri, String bearer) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", bearer).GET(), Duration.ofSeconds(15));
    }

    public static Answer post(URI uri, String bearer, String json, String... headers) {
        return send(json(uri, bearer, headers).POST(HttpRequest.BodyPublishers.ofString(json)), Duration.ofSeconds(15));
    }

    public static Answer put(URI uri, String bearer, String json, String... headers) {
        return send(json(uri, bearer, headers).PUT(HttpRequest.BodyPublishers.ofString(json)), Duration.ofSeconds(15));
    }

    public static Answer method(String method, URI uri, String bearer, String json, Duration timeout, String... headers) {
        return send(json(uri, bearer, headers).method(method, HttpRequest.BodyPublishers.ofString(json)), timeout);
    }

    private static HttpRequest.Builder json(URI uri, String bearer, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    public static Answer send(HttpRequest.Builder request, Duration timeout) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response, (System.nanoTime() - started) / 1_000_000, null);
        } catch (IOException e) {
            return new Answer(-1, null, null, (System.nanoTime() - started) / 1_000_000, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
