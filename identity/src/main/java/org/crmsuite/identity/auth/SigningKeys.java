package org.crmsuite.identity.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs every token, shared by all instances through MongoDB: the first instance to start
 * generates it and inserts it if none is stored; every instance then uses the stored one, so a token signed by one
 * instance verifies against the JWKS of any other.
 * <p>
 * The private key is stored as it is, so the {@code crm_identity} database must be guarded like a secret (a KMS or
 * an encrypted field is the next step for production). Rotation would add a second key and publish both.
 */
final class SigningKeys {

    static final String COLLECTION = "signing_keys";
    static final String CURRENT = "current";

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int KEY_SIZE = 2048;

    private final MongoTemplate mongo;
    private final Clock clock;

    SigningKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The stored signing key, generated and stored first if there is none. */
    RSAKey current() {
        Document stored = find();
        if (stored == null) {
            try {
                mongo.insert(generate(), COLLECTION);
                log.info("generated the token signing key and stored it in {}", COLLECTION);
            } catch (DuplicateKeyException e) {
                log.info("another instance stored the token signing key first; using that one");
            }
            stored = find();
        }
        return toJwk(stored);
    }

    private Document find() {
        return mongo.findOne(new Query(Criteria.where("_id").is(CURRENT)), Document.class, COLLECTION);
    }

    private Document generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new Document("_id", CURRENT)
                    .append("kid", UUID.randomUUID().toString())
                    .append("algorithm", JWSAlgorithm.RS256.getName())
                    .append("publicKey", base64.encodeToString(pair.getPublic().getEncoded()))
                    .append("privateKey", base64.encodeToString(pair.getPrivate().getEncoded()))
                    .append("createdAt", Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey toJwk(Document stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAPublicKey publicKey = (RSAPublicKey) rsa
                    .generatePublic(new X509EncodedKeySpec(base64.decode(stored.getString("publicKey"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa
                    .generatePrivate(new PKCS8EncodedKeySpec(base64.decode(stored.getString("privateKey"))));
            return new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyID(stored.getString("kid"))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.parse(stored.getString("algorithm")))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored token signing key cannot be read", e);
        }
    }
}
