package org.crmsuite.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import tools.jackson.databind.JsonNode;

/** Systems (the services, a partner) get tokens with their client id and secret. */
class ClientCredentialsTest extends IdentityIntegrationTest {

    @Test
    void serviceClientGetsSignedTokenWithServiceRoleForTheApi() {
        HttpResponse<String> response = OAuth.clientCredentials(base(), "customer-service", "local-customer-service-secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = OAuth.json(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(890L, 900L);

        Jwt jwt = OAuth.verify(base(), body.path("access_token").asString());
        assertThat(jwt.getSubject()).isEqualTo("customer-service");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(jwt.getAudience()).containsExactly("crm-api");
        assertThat(jwt.hasClaim("dept")).isFalse();
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://localhost:9000");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getHeaders()).containsKey("kid");
    }

    @Test
    void partnerClientGetsPartnerRole() {
        Jwt jwt = OAuth.verify(base(), OAuth.clientToken(base(), "partner-demo", "local-partner-secret"));

        assertThat(jwt.getSubject()).isEqualTo("partner-demo");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PARTNER");
        assertThat(jwt.getAudience()).containsExactly("crm-api");
    }

    @Test
    void wrongClientSecretIsRefusedWith401() {
        HttpResponse<String> response = OAuth.clientCredentials(base(), "partner-demo", "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(OAuth.json(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void publicWebClientCannotUseClientCredentials() {
        HttpResponse<String> response = OAuth.clientCredentials(base(), "crm-web", "anything");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void discoveryDocumentNamesIssuerTokenEndpointAndKeys() {
        HttpResponse<String> response = OAuth.call("GET", url("/.well-known/openid-configuration"), null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = OAuth.json(response.body());
        assertThat(discovery.path("issuer").asString()).isEqualTo("http://localhost:9000");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo("http://localhost:9000/oauth2/jwks");
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo("http://localhost:9000/oauth2/token");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    }
}
