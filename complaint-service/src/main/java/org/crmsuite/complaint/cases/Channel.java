package org.crmsuite.complaint.cases;

/** CO-1: every channel a complaint arrives by; recorded on the case. */
public enum Channel {
    PHONE, EMAIL, LETTER, FAX, WEB_FORM, IN_PERSON, SUGGESTION_BOX, SMS, SOCIAL_MEDIA, PARTNER_SYSTEM
}
