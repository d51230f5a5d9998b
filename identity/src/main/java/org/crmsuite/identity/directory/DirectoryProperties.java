package org.crmsuite.identity.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the staff directory ({@code crm.identity.directory.*}). */
@ConfigurationProperties("crm.identity.directory")
public class DirectoryProperties {

    /** The locale of a person created without one (notification templates exist in zh-CN and en, NO-5). */
    private String defaultLocale = "zh-CN";

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }
}
