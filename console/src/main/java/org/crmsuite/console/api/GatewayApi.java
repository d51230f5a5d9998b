package org.crmsuite.console.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmsuite.console.ConsoleSettings;
import org.crmsuite.console.security.AccessTokens;
import org.crmsuite.console.security.SignInAgain;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * The only way the console reaches the suite: the services' public APIs, through the gateway, with the signed-in
 * person's own access token. What a page may show or do is therefore exactly what that person may do by API.
 * <p>
 * Answers: a service's 4xx/500 problem becomes {@link ApiFailure}; an unreachable gateway, a timeout or a 502/503/504
 * becomes {@link ApiUnavailable} (the page degrades that part); a 401 drops the token and asks for
 * {@link SignInAgain}. Creating calls carry an {@code Idempotency-Key}, so a form sent twice creates once.
 */
@Component
public class GatewayApi {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;
    private final AccessTokens tokens;

    GatewayApi(RestClient.Builder builder, ConsoleSettings settings, AccessTokens tokens) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1: no h2c upgrade dance with the gateway on every new connection
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(settings.readTimeout());
        this.client = builder.clone().baseUrl(settings.gatewayUrl()).requestFactory(requests).build();
        this.tokens = tokens;
    }

    public <T> T get(String uri, Class<T> type, Object... vars) {
        return call(HttpMethod.GET, uri, null, Map.of(), response -> response.bodyTo(type), vars).body();
    }

    public <T> T get(String uri, ParameterizedTypeReference<T> type, Object... vars) {
        return call(HttpMethod.GET, uri, null, Map.of(), response -> response.bodyTo(type), vars).body();
    }

    /** A JSON object as a map (Thymeleaf reads {@code ${customer.name}} from it). */
    public Map<String, Object> getMap(String uri, Object... vars) {
        return get(uri, MAP, vars);
    }

    /** A JSON array as a list of maps. */
    public List<Map<String, Object>> getList(String uri, Object... vars) {
        return get(uri, LIST, vars);
    }

    /** A JSON object with its {@code ETag}, for a later update with {@code If-Match}. */
    public Answer<Map<String, Object>> getWithEtag(String uri, Object... vars) {
        return call(HttpMethod.GET, uri, null, Map.of(), response -> response.bodyTo(MAP), vars);
    }

    /** Creates: a fresh {@code Idempotency-Key} per call (use {@link #send} to reuse one a form carried). */
    public Map<String, Object> post(String uri, Object body, Object... vars) {
        return send(HttpMethod.POST, uri, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()), vars).body();
    }

    public Map<String, Object> put(String uri, Object body, Object... vars) {
        return send(HttpMethod.PUT, uri, body, Map.of(), vars).body();
    }

    public Map<String, Object> patch(String uri, Object body, Object... vars) {
        return send(HttpMethod.PATCH, uri, body, Map.of(), vars).body();
    }

    public void delete(String uri, Object... vars) {
        send(HttpMethod.DELETE, uri, null, Map.of(), vars);
    }

    /** Any call, with extra headers ({@code If-Match}, {@code Idempotency-Key}); a body-less answer gives {@code null}. */
    public Answer<Map<String, Object>> send(HttpMethod method, String uri, Object body, Map<String, String> headers,
            Object... vars) {
        return call(method, uri, body, headers, response -> response.bodyTo(MAP), vars);
    }

    /** The body of an answer and the headers a page may need ({@code ETag}, {@code Location}). */
    public record Answer<T>(T body, HttpHeaders headers) {

        public String etag() {
            return headers.getETag();
        }
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(ConvertibleClientHttpResponse response) throws IOException;
    }

    private <T> Answer<T> call(HttpMethod method, String uri, Object body, Map<String, String> headers,
            BodyReader<T> reader, Object... vars) {
        String token = tokens.current();
        RestClient.RequestBodySpec request = client.method(method).uri(uri, vars)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> {
                    h.setBearerAuth(token);
                    headers.forEach(h::set);
                });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        try {
            return request.exchange((req, response) -> {
                HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
                if (response.getStatusCode().is2xxSuccessful()) {
                    boolean empty = status == HttpStatus.NO_CONTENT || response.getHeaders().getContentLength() == 0;
                    return new Answer<>(empty ? null : reader.read(response), response.getHeaders());
                }
                ApiProblem problem = problem(response);
                if (status == HttpStatus.UNAUTHORIZED) {
                    tokens.forgetCurrent();
                    throw new SignInAgain("the gateway refused the token: " + problem.summary());
                }
                if (status == HttpStatus.BAD_GATEWAY || status == HttpStatus.SERVICE_UNAVAILABLE
                        || status == HttpStatus.GATEWAY_TIMEOUT) {
                    throw new ApiUnavailable(uri, problem.summary(), new ApiFailure(problem));
                }
                throw new ApiFailure(problem);
            });
        } catch (ResourceAccessException e) {
            throw new ApiUnavailable(uri, "no answer from the gateway (" + e.getMostSpecificCause().getMessage() + ")", e);
        } catch (RestClientException e) {
            // an answer this console cannot read (another shape than expected): that part is unavailable, not a 500
            throw new ApiUnavailable(uri, "an answer the console cannot read (" + e.getMostSpecificCause().getMessage() + ")", e);
        }
    }

    private static ApiProblem problem(ConvertibleClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Map<String, Object> body;
        try {
            body = response.bodyTo(MAP);
        } catch (RuntimeException e) { // not JSON: the status alone says it
            body = null;
        }
        if (body == null) {
            return new ApiProblem(status, null, HttpStatus.resolve(status) != null
                    ? HttpStatus.resolve(status).getReasonPhrase() : "HTTP " + status, null, Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                    fields.merge(String.valueOf(entry.get("field")), String.valueOf(entry.get("message")),
                            (first, second) -> first + "; " + second);
                }
            }
        }
        // a domain refusal about one input names it in a "field" property (e.g. the blacklisted customerId)
        if (fields.isEmpty() && body.get("field") instanceof String field && body.get("detail") != null) {
            fields.put(field, String.valueOf(body.get("detail")));
        }
        return new ApiProblem(status, text(body.get("code")), text(body.get("title")), text(body.get("detail")), fields);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
