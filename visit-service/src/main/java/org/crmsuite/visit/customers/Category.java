package org.crmsuite.visit.customers;

/** CU-4 relationship category, as customer-service names it: key (重点), general (一般), potential (潜在). */
public enum Category {
    KEY, GENERAL, POTENTIAL
}
