package org.crmsuite.testsupport;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Arrays;
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
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the identity module's token endpoint in a service's own tests: an RSA key, its JWKS served over
 * real HTTP on loopback, and RS256 access tokens with the suite's claims ({@code sub}, {@code roles}, {@code dept},
 * {@code aud=crm-api}). {@link TestTokensEnvironment} points the resource server at it.
 */
public final class TestTokens {

    public static final String AUDIENCE = "crm-api";

    private static final TestTokens INSTANCE = new TestTokens();

    private final RSAKey key;
    private final String issuer;
    private final String jwkSetUri;

    private TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test-" + UUID.randomUUID()).algorithm(JWSAlgorithm.RS256).build();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            jwkSetUri = issuer + "/oauth2/jwks";
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot set up test tokens", e);
        }
    }

    public static TestTokens get() {
        return INSTANCE;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** {@code Bearer …} for a staff member. */
    public static String bearer(String subject, String department, String... roles) {
        return "Bearer " + INSTANCE.token(subject, department, Duration.ofMinutes(15), roles);
    }

    public String token(String subject, String department, Duration validFor, String... roles) {
        return tokenForAudience(AUDIENCE, subject, department, validFor, roles);
    }

    /** A token for another audience: a resource server of this suite must refuse it. */
    public String tokenForAudience(String audience, String subject, String department, Duration validFor, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(validFor))).jwtID(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(Arrays.asList(roles)));
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
}
