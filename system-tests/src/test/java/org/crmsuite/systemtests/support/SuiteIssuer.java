package org.crmsuite.systemtests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The identity module's part as a token issuer for a suite test, on loopback: RS256 access tokens with the suite's
 * claims ({@code sub}, {@code roles}, {@code dept}, {@code aud=crm-api}), the JWKS, an OpenID discovery document and
 * a client-credentials token endpoint.
 *
 * <p>test-support's {@code TestTokens} serves the JWKS only. That is enough for the gateway and the platform's resource
 * servers (they take {@code crm.security.jwk-set-uri}), but identity trusts another issuer through its discovery
 * document ({@code CRM_API_TOKEN_ISSUER}, {@code JwtDecoders.fromIssuerLocation}), and the services fetch their own
 * service tokens for Feign calls from {@code <issuer>/oauth2/token}: so the suite needs an issuer that serves both.
 */
public final class SuiteIssuer implements AutoCloseable {

    public static final String AUDIENCE = "crm-api";
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private SuiteIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts an issuer with a fresh key on a free loopback port. */
    public static SuiteIssuer start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("suite-" + UUID.randomUUID()).algorithm(JWSAlgorithm.RS256).build();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SuiteIssuer issuer = new SuiteIssuer(key, server);
            issuer.serve();
            return issuer;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the suite's token issuer", e);
        }
    }

    private void serve() {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, 200, jwks));
        byte[] discovery = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\","
                + "\"token_endpoint\":\"" + issuer + "/oauth2/token\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"grant_types_supported\":[\"client_credentials\"]}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, discovery));
        server.createContext("/oauth2/token", this::clientCredentials);
        server.setExecutor(null);
        server.start();
    }

    /** A service's own token (client credentials, client id = the service): {@code roles: [SERVICE]}, no dept. */
    private void clientCredentials(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String clientId = null;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            clientId = java.net.URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        }
        for (String field : form.split("&")) {
            if (field.startsWith("client_id=")) {
                clientId = java.net.URLDecoder.decode(field.substring("client_id=".length()), StandardCharsets.UTF_8);
            }
        }
        if (!"POST".equals(exchange.getRequestMethod()) || clientId == null || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String token = token(clientId, null, "SERVICE");
        answer(exchange, 200, ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + VALIDITY.toSeconds() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** An access token as identity issues it; {@code department} may be null (partners, services). */
    public String token(String subject, String department, String... roles) {
        return sign(claims(subject, department, List.of(roles), issuer, AUDIENCE, Instant.now().plus(VALIDITY)), key);
    }

    /** Tokens no resource server of the suite may accept, by what is wrong with them. */
    public enum Forgery {
        EXPIRED, SIGNED_BY_ANOTHER_KEY, ALG_NONE, WRONG_AUDIENCE, ANOTHER_ISSUER
    }

    /** An ADMIN's token with one thing wrong. */
    public String forged(Forgery forgery) {
        Instant valid = Instant.now().plus(VALIDITY);
        List<String> roles = List.of("ADMIN");
        return switch (forgery) {
            // well past the resource servers' clock skew (30 s)
            case EXPIRED -> sign(claims("demo-admin", "dept-company", roles, issuer, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10))), key);
            // the published key id, another key: the signature does not verify
            case SIGNED_BY_ANOTHER_KEY -> sign(claims("demo-admin", "dept-company", roles, issuer, AUDIENCE, valid), otherKey(key.getKeyID()));
            case ALG_NONE -> new PlainJWT(claims("demo-admin", "dept-company", roles, issuer, AUDIENCE, valid)).serialize();
            case WRONG_AUDIENCE -> sign(claims("demo-admin", "dept-company", roles, issuer, "another-api", valid), key);
            case ANOTHER_ISSUER -> sign(claims("demo-admin", "dept-company", roles, "http://127.0.0.1:1/evil", AUDIENCE, valid), key);
        };
    }

    private static JWTClaimsSet claims(String subject, String department, List<String> roles, String issuer, String audience,
            Instant expiry) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20)))).notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiry)).jwtID(UUID.randomUUID().toString()).claim("roles", roles);
        if (department != null) {
            claims.claim("dept", department);
        }
        return claims.build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey otherKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
