package org.crmsuite.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.crmsuite.identity.support.IdentityIntegrationTest;
import org.crmsuite.identity.support.OAuth;
import org.crmsuite.platform.identity.Role;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** An administrator rotates the signing key over HTTP: tokens signed before still verify, new ones use the new key. */
class SigningKeyApiTest extends IdentityIntegrationTest {

    @Test
    void rotationByAnAdministratorKeepsEarlierTokensValidAndSignsNewOnesWithTheNewKey() {
        String admin = tokenOf(person("Key Admin", Role.ADMIN, department("Key office", null, null, null).getId()));
        String before = OAuth.clientToken(base(), "customer-service", "local-customer-service-secret");
        String kidBefore = OAuth.verify(base(), before).getHeaders().get("kid").toString();

        HttpResponse<String> rotated = OAuth.call("POST", url("/api/v1/signing-keys/rotation"), admin, "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newKid = OAuth.json(rotated.body()).path("kid").asString();
        assertThat(newKid).isNotEqualTo(kidBefore);

        JsonNode jwks = OAuth.json(OAuth.call("GET", url("/oauth2/jwks"), null, null).body()).path("keys");
        assertThat(jwks.findValuesAsString("kid")).contains(kidBefore, newKid);
        assertThat(jwks.toString()).as("never a private part").doesNotContain("\"d\"");
        assertThat(OAuth.call("GET", url("/api/v1/departments"), before, null).statusCode())
                .as("a token signed before the rotation is still accepted").isEqualTo(200);
        String after = OAuth.clientToken(base(), "customer-service", "local-customer-service-secret");
        assertThat(OAuth.verify(base(), after).getHeaders().get("kid")).isEqualTo(newKid);

        JsonNode states = OAuth.json(OAuth.call("GET", url("/api/v1/signing-keys"), admin, null).body());
        assertThat(states.toString()).contains(newKid, "SIGNING", "RETIRING").doesNotContain("privateKey", "publicKey");
    }

    @Test
    void onlyAnAdministratorSeesOrRotatesSigningKeys() {
        String director = tokenOf(person("Key Director", Role.DIRECTOR, department("Key board", null, null, null).getId()));
        String service = OAuth.clientToken(base(), "customer-service", "local-customer-service-secret");

        assertThat(OAuth.call("GET", url("/api/v1/signing-keys"), director, null).statusCode()).isEqualTo(403);
        assertThat(OAuth.call("GET", url("/api/v1/signing-keys"), service, null).statusCode()).isEqualTo(403);
        assertThat(OAuth.call("POST", url("/api/v1/signing-keys/rotation"), director, "{}").statusCode()).isEqualTo(403);
        assertThat(OAuth.call("POST", url("/api/v1/signing-keys/rotation"), null, "{}").statusCode()).isEqualTo(401);
    }
}
