package org.crmsuite.identity.auth;

import java.util.List;

import org.crmsuite.identity.directory.Directory;
import org.crmsuite.identity.directory.Person;
import org.crmsuite.platform.identity.CallerResolver;
import org.crmsuite.platform.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims every service reads (ARCHITECTURE.md, "Caller identity"): {@code sub} (staff id, or client id for a
 * system), {@code roles}, {@code dept} (staff only) and, on access tokens, {@code aud} = the suite's API.
 * <p>
 * A person's roles and department are read from the directory when the token is issued, not from the login session,
 * so a token always reflects the directory as it is; someone marked LEFT after logging in gets no further token.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Directory directory;
    private final String audience;

    TokenClaims(Directory directory, String audience) {
        this.directory = directory;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        Authentication principal = context.getPrincipal();
        if (principal != null && principal.getPrincipal() instanceof StaffUser user) {
            Person person = directory.findPerson(user.staffId()).filter(p -> !p.hasLeft())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                            "The staff member has left or no longer exists", null)));
            claims.subject(person.getId());
            claims.claim(CallerResolver.ROLES_CLAIM, person.getRoles().stream().map(Role::name).sorted().toList());
            if (person.getDepartmentId() != null) {
                claims.claim(CallerResolver.DEPARTMENT_CLAIM, person.getDepartmentId());
            }
            if (idToken) {
                // standard OIDC claims; /userinfo hands them out by scope (profile, email)
                claims.claim("preferred_username", person.getUsername());
                claims.claim("name", person.getName());
                claims.claim("email", person.getEmail());
                if (person.getLocale() != null) {
                    claims.claim("locale", person.getLocale());
                }
            }
        } else if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim(CallerResolver.ROLES_CLAIM, RegisteredClients.roles(context.getRegisteredClient()));
        }
        if (accessToken) {
            claims.audience(List.of(audience));
        }
    }
}
