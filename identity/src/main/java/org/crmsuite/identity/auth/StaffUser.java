package org.crmsuite.identity.auth;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person logged in through the form. Besides the username it remembers the staff id, which becomes the tokens'
 * {@code sub}. Serialisable: it is stored with the authorization (MongoAuthorizationService).
 */
final class StaffUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String staffId;

    StaffUser(String staffId, String username, String passwordHash, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, authorities);
        this.staffId = staffId;
    }

    String staffId() {
        return staffId;
    }
}
