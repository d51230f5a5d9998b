package org.crmsuite.reliability.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
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
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The identity module's part as token issuer, on loopback: the JWKS, the OpenID discovery document and a
 * client-credentials token endpoint (the services fetch their own service tokens for Feign calls from
 * {@code <issuer>/oauth2/token}). test-support's {@code TestTokens} serves the JWKS only, which is not enough for
 * service-to-service calls (complaint-service and sales-service ask customer-service).
 */
public final class Issuer implements AutoCloseable {

    public static final String AUDIENCE = "crm-api";
    private static final Duration VALIDITY = Duration.ofMinutes(30);

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private Issuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static Issuer start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("reliability-" + UUID.randomUUID()).algorithm(JWSAlgorithm.RS256).build();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Issuer issuer = new Issuer(key, server);
            issuer.serve();
            return issuer;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the token issuer", e);
        }
    }

    private void serve() {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        byte[] discovery = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\",\"token_endpoint\":\""
                + issuer + "/oauth2/token\",\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"response_types_supported\":[\"code\"]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, 200, jwks));
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, discovery));
        server.createContext("/oauth2/token", this::token);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Client credentials: any client of the suite gets a SERVICE token with its client id as subject. */
    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String clientId = null;
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            clientId = URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        }
        for (String field : form.split("&")) {
            if (field.startsWith("client_id=")) {
                clientId = URLDecoder.decode(field.substring("client_id=".length()), StandardCharsets.UTF_8);
            }
        }
        if (clientId == null || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        answer(exchange, 200, ("{\"access_token\":\"" + token(clientId, null, "SERVICE")
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + VALIDITY.toSeconds() + "}").getBytes(StandardCharsets.UTF_8));
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

    /** {@code Bearer …} for a staff member; {@code department} may be null. */
    public String bearer(String subject, String department, String... roles) {
        return "Bearer " + token(subject, department, roles);
    }

    public String token(String subject, String department, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(60))).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(VALIDITY))).jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles));
        if (department != null) {
            claims.claim("dept", department);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
