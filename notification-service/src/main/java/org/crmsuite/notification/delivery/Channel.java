package org.crmsuite.notification.delivery;

/** NO-4 channels. */
public enum Channel {
    EMAIL, SMS, WEBHOOK, INBOX
}
