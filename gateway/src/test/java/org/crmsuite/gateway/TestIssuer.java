package org.crmsuite.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Stands in for identity's token side: an RSA key pair, its public half served by WireMock at
 * {@code <issuer>/oauth2/jwks}, and access tokens shaped like identity's ({@code sub}, {@code roles}, {@code dept},
 * {@code aud: crm-api}, RS256), each of which a test can spoil in one way.
 */
final class TestIssuer {

    static final String AUDIENCE = "crm-api";
    static final String JWKS_PATH = "/oauth2/jwks";
    static final String KEY_ID = "identity-key-1";

    private final RSAKey key = rsaKey(KEY_ID);
    private final WireMockServer server = new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8).jettyAcceptors(1));

    TestIssuer() {
        server.start();
        publishKeys();
    }

    /** Clears whatever a test stubbed and publishes the signing key again. */
    void publishKeys() {
        server.resetAll();
        server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    String issuer() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The gateway trusts this issuer; its JWKS address follows from it (the default of crm.security.jwk-set-uri). */
    void register(DynamicPropertyRegistry registry) {
        registry.add("crm.security.issuer", this::issuer);
    }

    WireMockServer server() {
        return server;
    }

    void stop() {
        server.stop();
    }

    /** A valid token for {@code subject}. */
    String tokenFor(String subject) {
        return token(subject).sign();
    }

    Token token(String subject) {
        return new Token(subject);
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token being minted: valid unless a test changes something. */
    final class Token {

        private final JWTClaimsSet.Builder claims;

        private Token(String subject) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(TestIssuer.this.issuer())
                    .audience(List.of(AUDIENCE))
                    .claim("roles", List.of("AGENT"))
                    .claim("dept", "dept-service")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
        }

        Token roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        Token audience(String audience) {
            claims.audience(audience);
            return this;
        }

        Token issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        Token expiredAgo(Duration ago) {
            Instant now = Instant.now();
            claims.issueTime(Date.from(now.minus(ago).minus(Duration.ofMinutes(15))))
                    .expirationTime(Date.from(now.minus(ago)));
            return this;
        }

        Token without(String claim) {
            claims.claim(claim, null);
            return this;
        }

        /** Signed with identity's key, RS256, its key id in the header. */
        String sign() {
            return signWith(key);
        }

        String signWith(RSAKey signingKey) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code alg: none}: no signature at all. */
        String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }

        /** HS256 with the given shared secret (at least 32 bytes). */
        String hmac(byte[] secret) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims.build());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The algorithm-confusion forgery: HS256 keyed with identity's public key, which anyone can download. */
        String hmacWithThePublicKey() {
            try {
                return hmac(key.toRSAPublicKey().getEncoded());
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
