package org.crmsuite.console.security;

/**
 * The person's access token is missing, about to expire, or was refused by the gateway: they must pass by identity
 * again. Identity still knows them (its own login session), so for them it is a redirect, not a form.
 */
public class SignInAgain extends RuntimeException {

    public SignInAgain(String reason) {
        super(reason);
    }
}
