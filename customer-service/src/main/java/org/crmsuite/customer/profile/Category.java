package org.crmsuite.customer.profile;

/** CU-4 relationship category: key (重点), general (一般), potential (潜在). */
public enum Category {
    KEY, GENERAL, POTENTIAL
}
