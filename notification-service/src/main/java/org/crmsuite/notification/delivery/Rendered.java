package org.crmsuite.notification.delivery;

/** A rendered message (NO-5): subject (e-mail, inbox title), body, and the template version it came from. */
public record Rendered(String subject, String body, String locale, int templateVersion) {
}
