package org.crmsuite.customer.profile;

/** CU-4 free classification of strategic value. */
public enum StrategicValue {
    CORE, IMPORTANT, GENERAL
}
