package org.crmsuite.identity.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The local demo directory ({@code crm.identity.seed.*}). */
@ConfigurationProperties("crm.identity.seed")
public class SeedProperties {

    /** The one password of every demo person: LOCAL, documented in docs/identity.md, never for a real deployment. */
    private String password = "local-demo-password";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
