package org.crmsuite.identity.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;

import com.mongodb.client.model.ReplaceOptions;

/**
 * Keeps OAuth2 authorizations (codes, tokens, pending requests) in MongoDB, so that any instance can redeem a code
 * or look up a token another instance issued.
 * <p>
 * Each authorization is one document: the {@link OAuth2Authorization} as Java-serialised bytes (it is
 * {@code Serializable}), plus a SHA-256 hash of each token value for look-ups — hashes keep the indexes small
 * (access tokens are JWTs of a kilobyte or more) and useless to anyone reading the indexes. Documents are dropped
 * when their last token expires (TTL index on {@code expiresAt}). An authorization that no longer deserialises
 * (e.g. after a Spring Security upgrade changed a class) counts as absent: its user logs in again.
 */
final class MongoAuthorizationService implements OAuth2AuthorizationService {

    static final String COLLECTION = "oauth2_authorizations";

    private static final Logger log = LoggerFactory.getLogger(MongoAuthorizationService.class);

    /** Only what an authorization is made of may be deserialised from the stored bytes. */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=40;java.base/*;org.springframework.security.**;org.springframework.util.*;org.crmsuite.identity.**;"
                    + "com.nimbusds.**;!*");

    /** Which token of an authorization a look-up field holds, by the token type name a look-up asks for. */
    private enum Field {
        STATE("state", OAuth2ParameterNames.STATE, null),
        CODE("code", OAuth2ParameterNames.CODE, OAuth2AuthorizationCode.class),
        ACCESS_TOKEN("accessToken", OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2AccessToken.class),
        REFRESH_TOKEN("refreshToken", OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2RefreshToken.class),
        ID_TOKEN("idToken", OidcParameterNames.ID_TOKEN, OidcIdToken.class),
        DEVICE_CODE("deviceCode", OAuth2ParameterNames.DEVICE_CODE, OAuth2DeviceCode.class),
        USER_CODE("userCode", OAuth2ParameterNames.USER_CODE, OAuth2UserCode.class);

        final String name;
        final String tokenType;
        final Class<? extends OAuth2Token> tokenClass;

        Field(String name, String tokenType, Class<? extends OAuth2Token> tokenClass) {
            this.name = name;
            this.tokenType = tokenType;
            this.tokenClass = tokenClass;
        }

        String valueIn(OAuth2Authorization authorization) {
            if (tokenClass == null) {
                return authorization.getAttribute(OAuth2ParameterNames.STATE);
            }
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(tokenClass);
            return token == null ? null : token.getToken().getTokenValue();
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration pendingTtl;

    MongoAuthorizationService(MongoTemplate mongo, Clock clock, Duration pendingTtl) {
        this.mongo = mongo;
        this.clock = clock;
        this.pendingTtl = pendingTtl;
        for (Field field : Field.values()) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(field.name, Sort.Direction.ASC).named(field.name).sparse());
        }
        mongo.indexOps(COLLECTION).createIndex(new Index().on("principal", Sort.Direction.ASC).named("principal"));
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).named("expiresAt").expire(Duration.ZERO));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        Document document = new Document("_id", authorization.getId())
                .append("clientId", authorization.getRegisteredClientId())
                .append("principal", authorization.getPrincipalName())
                .append("expiresAt", Date.from(expiresAt(authorization)))
                .append("data", new Binary(serialise(authorization)));
        for (Field field : Field.values()) {
            String value = field.valueIn(authorization);
            if (value != null) {
                document.append(field.name, hash(value));
            }
        }
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", authorization.getId()), document,
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        mongo.remove(new Query(Criteria.where("_id").is(authorization.getId())), COLLECTION);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, COLLECTION));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String hashed = hash(token);
        List<Field> fields = tokenType == null ? List.of(Field.values())
                : Stream.of(Field.values()).filter(f -> f.tokenType.equals(tokenType.getValue())).toList();
        if (fields.isEmpty()) {
            return null;
        }
        Criteria criteria = new Criteria().orOperator(fields.stream().map(f -> Criteria.where(f.name).is(hashed)).toList());
        OAuth2Authorization found = read(mongo.findOne(new Query(criteria), Document.class, COLLECTION));
        // a hash match is as good as the value, but the stored value has the last word
        if (found != null && fields.stream().noneMatch(f -> token.equals(f.valueIn(found)))) {
            return null;
        }
        return found;
    }

    private Instant expiresAt(OAuth2Authorization authorization) {
        Instant latest = null;
        for (Field field : Field.values()) {
            if (field.tokenClass == null) {
                continue;
            }
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(field.tokenClass);
            Instant expiry = token == null ? null : token.getToken().getExpiresAt();
            if (expiry != null && (latest == null || expiry.isAfter(latest))) {
                latest = expiry;
            }
        }
        return latest != null ? latest : clock.instant().plus(pendingTtl);
    }

    private OAuth2Authorization read(Document document) {
        if (document == null) {
            return null;
        }
        Binary data = document.get("data", Binary.class);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data.getData()))) {
            in.setObjectInputFilter(ALLOWED);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("stored authorization {} cannot be read ({}); treating it as absent", document.get("_id"), e.toString());
            return null;
        }
    }

    private static byte[] serialise(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new UncheckedIOException("authorization " + authorization.getId() + " cannot be serialised", e);
        }
        return bytes.toByteArray();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
